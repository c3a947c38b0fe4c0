/**
 * What drafting needs to know about an image that the knowledge base (src/knowledge/) does not
 * hold as data yet: the port the program listens on by default, a non-root uid for images that
 * start as root and name none, and where a data volume belongs when that is not the written path.
 * Keyed by knowledge id. These facts belong in src/knowledge/ (each with its source); they live
 * here until they move there.
 */
import type { ParsedRef } from '../knowledge/index.ts';

export interface DraftHint {
  /** The port the program listens on with the image's own configuration. */
  port?: (ref: ParsedRef) => number | undefined;
  /** The step-down uid for this tag when it differs from the knowledge base's (Alpine tags). */
  uid?: (ref: ParsedRef) => number | undefined;
  /** A non-root uid the image is known to run as, when its `user` names none (it starts as root). */
  runAsUser?: { uid: number; why: string; home?: string };
  /**
   * The mount point for a persistent path that is not the path itself: postgres 18 keeps PGDATA
   * at /var/lib/postgresql/<major>/docker and declares `VOLUME /var/lib/postgresql`.
   */
  dataMount?: (ref: ParsedRef) => string | undefined;
  /** Env vars a read-only, non-root container of this image needs (the knowledge base's notes say why). */
  env?: Record<string, string>;
  /** A variant of the image made to run unprivileged, to suggest. */
  unprivileged?: { image: string; why: string };
  /** Why running as the image's step-down user from the start works, for the notes. */
  nonRoot?: string;
}

const fixed = (port: number) => () => port;
/** The tag names a variant: `16-alpine3.20` has `alpine`, `6-fpm-alpine` has `fpm`. */
const tagHas = (ref: ParsedRef, word: string) => new RegExp(`(^|[-.])${word}`).test(ref.tag ?? '');

export const hints: Readonly<Record<string, DraftHint>> = {
  // nginx.conf of the official image: `listen 80` in conf.d/default.conf.
  nginx: {
    port: fixed(80),
    unprivileged: { image: 'nginxinc/nginx-unprivileged', why: 'it runs as nginx (101), listens on 8080 and keeps its pid file and temp directories in /tmp' },
    nonRoot: 'nginx needs root only to bind port 80 and to chown its temp directories to the workers\' user: with /var/cache/nginx and /var/run on emptyDirs, started as 101 it creates them itself and only logs that the "user" directive is ignored.',
  },
  // Dockerfile: EXPOSE 8080, `listen 8080` in default.conf.
  'nginxinc/nginx-unprivileged': { port: fixed(8080) },
  // httpd.conf: `Listen 80`.
  // www-data is 33 on Debian, 82 on Alpine (the knowledge base's user notes).
  httpd: {
    port: fixed(80),
    uid: (ref) => (tagHas(ref, 'alpine') ? 82 : undefined),
    nonRoot: 'Started as www-data (33) Apache cannot switch users and keeps running as 33, which is what the workers would run as anyway.',
  },
  // The image's /etc/caddy/Caddyfile serves `:80`.
  caddy: { port: fixed(80) },
  // envoy's default /etc/envoy/envoy.yaml listens on 10000.
  envoy: { port: fixed(10000) },
  // The Traefik Helm chart runs the image as 65532 with a read-only root.
  traefik: { runAsUser: { uid: 65532, why: 'the uid the Traefik Helm chart runs it as' } },
  // The node image has a user node (1000) whose HOME is /home/node.
  node: { runAsUser: { uid: 1000, why: 'the image\'s user node', home: '/home/node' } },
  // postgres 18: VOLUME /var/lib/postgresql, PGDATA /var/lib/postgresql/18/docker.
  // postgres is 999 on Debian tags, 70 on Alpine tags (the knowledge base's user note).
  postgres: {
    port: fixed(5432),
    uid: (ref) => (tagHas(ref, 'alpine') ? 70 : undefined),
    dataMount: (ref) => (ref.major === undefined || ref.major >= 18 ? '/var/lib/postgresql' : undefined),
  },
  // The -fpm tags run php-fpm on 9000; the others Apache on 80.
  wordpress: { port: (ref) => (tagHas(ref, 'fpm') ? 9000 : 80), uid: (ref) => (tagHas(ref, 'alpine') ? 82 : undefined) },
  php: { port: (ref) => (tagHas(ref, 'apache') ? 80 : 9000), uid: (ref) => (tagHas(ref, 'alpine') ? 82 : undefined) },
  // vault-helm sets these: the entrypoint's setcap and chown fail on a read-only root as non-root.
  vault: { port: fixed(8200), env: { SKIP_SETCAP: 'true', SKIP_CHOWN: 'true' } },
  mysql: { port: fixed(3306) },
  mariadb: { port: fixed(3306) },
  redis: { port: fixed(6379) },
  mongo: { port: fixed(27017) },
  memcached: { port: fixed(11211) },
  rabbitmq: { port: fixed(5672) },
  elasticsearch: { port: fixed(9200) },
  zookeeper: { port: fixed(2181) },
  minio: { port: fixed(9000) },
  grafana: { port: fixed(3000) },
  prometheus: { port: fixed(9090) },
  tomcat: { port: fixed(8080) },
  keycloak: { port: fixed(8080) },
  consul: { port: fixed(8500) },
  jenkins: { port: fixed(8080) },
  // The Bitnami images listen on unprivileged ports (they run as 1001).
  'bitnami/nginx': { port: fixed(8080) },
  'bitnami/wordpress': { port: fixed(8080) },
};

/** The uid rootlock runs an image as when it starts as root and no non-root user is known. */
export const FALLBACK_UID = 65532;
