import { describe, expect, it } from 'vitest';
import { manifestFileName, slug, stem } from './download.ts';

describe('download names', () => {
  it('keeps the file name, adding .yaml only when it has no YAML or JSON extension', () => {
    expect(manifestFileName('web.yaml')).toBe('web.yaml');
    expect(manifestFileName('web.YML')).toBe('web.YML');
    expect(manifestFileName('list.json')).toBe('list.json');
    expect(manifestFileName('Chart rendered')).toBe('Chart rendered.yaml');
    expect(manifestFileName('  ')).toBe('manifest.yaml');
  });
  it('derives names for the other formats from the stem', () => {
    expect(stem('web.yaml')).toBe('web');
    expect(stem('deploy/web api.yml')).toBe('web-api');
    expect(stem('.yaml')).toBe('manifest');
    expect(slug('Deployment')).toBe('deployment');
    expect(slug('web api/v2')).toBe('web-api-v2');
  });
});
