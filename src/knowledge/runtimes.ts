/**
 * What a language runtime or shell writes, whatever image carries it. A runtime is recognised by
 * the image's repository (`eclipse-temurin` …) or by the container's command (argv[0] basename,
 * `java`, `python3` …). A container's needs are its image entry (images.ts) plus its runtimes.
 */
import type { RuntimeKnowledge } from './types.ts';

export const runtimes: readonly RuntimeKnowledge[] = [
  {
    id: 'jvm',
    title: 'Java virtual machine (HotSpot)',
    repositories: ['eclipse-temurin', 'openjdk', 'amazoncorretto'],
    commands: ['java'],
    user: { uid: 0, name: 'root', note: 'The JDK images run as root unless a derived image sets USER.' },
    paths: [
      {
        path: '/tmp',
        purpose: 'temp',
        what: 'java.io.tmpdir files (File.createTempFile; native libraries that Netty, JNA, Snappy … unpack) and hsperfdata_<user>/<pid>, the perf data file',
        volume: 'emptyDir',
        movedBy: '-Djava.io.tmpdir moves the temp files but not hsperfdata, which is hard-coded to /tmp; -XX:-UsePerfData turns the perf data file off',
        // java.io.File.createTempFile's failure. The perf data file itself fails silently: HotSpot
        // falls back to memory and prints "Could not create PerfData Memory region, reverting to
        // malloc" only with -XX:+PrintMiscellaneous -XX:+Verbose (debug builds), so jps/jstat/jcmd
        // just stop seeing the process.
        error: 'java.io.IOException: Read-only file system',
        source: 1,
      },
    ],
    notes: [
      'hsperfdata_<user> cannot be moved away from /tmp (the JDK reverted the change that allowed it, because it broke jstat); add -XX:-UsePerfData to JAVA_TOOL_OPTIONS if nothing needs jcmd, jstat or jps.',
      'eclipse-temurin: USE_SYSTEM_CA_CERTS makes the entrypoint build a truststore at start, which needs a writable /tmp.',
    ],
    sources: [
      { title: 'docker-library/docs: eclipse-temurin (USE_SYSTEM_CA_CERTS)', url: 'https://github.com/docker-library/docs/blob/master/eclipse-temurin/content.md' },
      { title: 'elastic/elasticsearch#73712: Elasticsearch writes PerfData to /tmp/hsperfdata-{user}', url: 'https://github.com/elastic/elasticsearch/issues/73712' },
      { title: 'openjdk/jdk: perfMemory.cpp (silent fallback to a malloc\'ed region)', url: 'https://github.com/openjdk/jdk/blob/master/src/hotspot/share/runtime/perfMemory.cpp' },
    ],
  },
  {
    id: 'cpython',
    title: 'Python (CPython)',
    repositories: ['python'],
    commands: ['python', 'python3'],
    paths: [
      {
        path: '/tmp',
        purpose: 'temp',
        what: 'tempfile: temporary files and directories (gunicorn worker heartbeats, uploads, many libraries)',
        volume: 'emptyDir',
        env: ['TMPDIR'],
        error: "FileNotFoundError: [Errno 2] No usable temporary directory found in ['/tmp', '/var/tmp', '/usr/tmp', '/app']",
        source: 0,
      },
    ],
    notes: [
      'Python writes __pycache__/*.pyc beside the sources it imports; on a read-only root the write fails silently and the module is compiled again at each start. Compile at build time (python -m compileall), set PYTHONDONTWRITEBYTECODE=1, or move the cache with PYTHONPYCACHEPREFIX. Information only, never an error.',
      'tempfile tries TMPDIR, TEMP, TMP, then /tmp, /var/tmp, /usr/tmp and finally the working directory; the error lists what it tried (here /app was the working directory).',
    ],
    sources: [
      { title: 'CPython: Lib/tempfile.py (gettempdir, "No usable temporary directory found")', url: 'https://github.com/python/cpython/blob/main/Lib/tempfile.py' },
      { title: 'Python docs: PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX', url: 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONPYCACHEPREFIX' },
      { title: 'docker-library/python: Dockerfiles', url: 'https://github.com/docker-library/python' },
    ],
  },
  {
    id: 'nodejs',
    title: 'Node.js and npm',
    repositories: ['node'],
    commands: ['node', 'npm', 'npx'],
    paths: [
      {
        path: '/root/.npm',
        purpose: 'cache',
        what: 'the npm cache (_cacache) and npm\'s debug logs (_logs)',
        volume: 'emptyDir',
        home: '.npm',
        env: ['npm_config_cache', 'NPM_CONFIG_CACHE'],
        whenCommand: ['npm', 'npx'],
        // npm up to 9 prints `npm ERR!`; npm 10 prints `npm error` with the same text.
        error: "npm ERR! rofs EROFS: read-only file system, mkdir '/root/.npm'",
        source: 0,
      },
      {
        path: '/root/.cache',
        purpose: 'cache',
        what: 'caches that tools and libraries keep under $HOME/.cache',
        volume: 'emptyDir',
        home: '.cache',
        env: ['XDG_CACHE_HOME'],
        // generic form (Node.js fs error)
        error: "Error: EROFS: read-only file system, mkdir '/root/.cache'",
        onlyWhen: 'the application or one of its tools keeps a cache under $HOME/.cache (common, not universal)',
        source: 1,
      },
    ],
    notes: [
      'node itself writes nothing; `npm start` and `npx` do. Starting the app with `node server.js` avoids npm\'s writes (and gives signals to node directly).',
      'The node image runs as root (HOME=/root); as the user node (1000) the cache is /home/node/.npm; as a uid without an /etc/passwd entry HOME is / and npm writes /.npm.',
    ],
    sources: [
      { title: 'npm/cli#5183: npm run on a read-only filesystem does not work', url: 'https://github.com/npm/cli/issues/5183' },
      { title: 'nodejs/docker-node: docs/BestPractices.md', url: 'https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md' },
    ],
  },
  {
    id: 'shell',
    title: 'POSIX shells (sh, bash, ash, dash)',
    repositories: ['busybox', 'alpine'],
    commands: ['sh', 'bash', 'ash', 'dash'],
    paths: [
      {
        path: '/tmp',
        purpose: 'temp',
        what: 'here-document temp files (bash) and mktemp files of scripts',
        volume: 'memory',
        env: ['TMPDIR'],
        error: 'sh: cannot create temp file for here-document: Read-only file system',
        onlyWhen: 'the script uses here-documents in bash (from bash 5.1 on only those larger than a pipe buffer) or mktemp',
        source: 0,
      },
    ],
    notes: [
      'The message comes from bash (also when it runs as sh). dash and busybox ash feed here-documents through pipes and need no temp file for them.',
    ],
    sources: [
      { title: 'elastic/elasticsearch#95542: "cannot create temp file for here-document: Read-only file system"', url: 'https://github.com/elastic/elasticsearch/issues/95542' },
      { title: 'GNU bash NEWS (bash-5.1: here-documents use pipes when they fit)', url: 'https://git.savannah.gnu.org/cgit/bash.git/tree/NEWS' },
    ],
  },
];
