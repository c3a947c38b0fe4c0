/**
 * YAML output for the export formats (kustomize patches, kustomization.yaml). Lives in src/yaml/
 * because only this folder imports the `yaml` package.
 */
import { stringify } from 'yaml';

/** A JSON value: what a parsed Kubernetes object is made of. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Block YAML for a whole document, the way kubectl writes it: two-space indentation, sequences flush
 * with their key, no line folding. Strings that YAML 1.1 would read as something else (`yes`, `y`,
 * `0644`, `~`) are quoted, because Kubernetes reads YAML with 1.1 rules.
 */
export function stringifyYaml(value: Json): string {
  return stringify(value, { version: '1.1', lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: false });
}
