// `npm run security`: Electronegativity over what RoomReady ships, held against the accepted findings.
import { fileURLToPath } from 'node:url';
import { checkElectronegativity } from './electronegativity-check';

const outcome = await checkElectronegativity({ projectRoot: fileURLToPath(new URL('../..', import.meta.url)) });
const print = outcome.exitCode === 0 ? console.log : console.error;
for (const line of outcome.lines) print(line);
process.exitCode = outcome.exitCode;
