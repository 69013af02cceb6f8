/** Process entry point: `bin/mlnav` runs the compiled form of this file. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
