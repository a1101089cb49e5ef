// better-sqlite3 is a native module built for one runtime at a time: `npm start` rebuilds it for
// Electron, and web mode, the CLI and the tests need it built for Node. This puts it back.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!String(error.message).includes('NODE_MODULE_VERSION')) throw error;
  console.error('better-sqlite3 was built for Electron; rebuilding it for Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
