/**
 * The load of the store benchmark, in its own process: argv[2] = base URL, [3] connections, [4] seconds,
 * [5] "read" or "mixed", [6] an editor's API token, [7] the radar id. Prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';

const [url, connections, seconds, mode, token, radar] = [
  process.argv[2]!,
  Number(process.argv[3]),
  Number(process.argv[4]),
  process.argv[5],
  process.argv[6]!,
  process.argv[7]!,
];
const auth = { Authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const reads: autocannon.Request[] = [
  { method: 'GET', path: `/api/radars/${radar}` },
  { method: 'GET', path: '/api/proposals?state=open' },
  { method: 'GET', path: '/api/radars' },
  { method: 'GET', path: `/api/radars/${radar}/diff` },
];
let n = 0;
const writes: autocannon.Request[] = [
  {
    method: 'PUT',
    path: `/api/radars/${radar}/blips/bench-0`,
    headers: auth,
    // A new blip id each time (so writes add rows) and a ring that changes.
    setupRequest: (req) => {
      n++;
      return {
        ...req,
        path: `/api/radars/${radar}/blips/bench-${n % 500}`,
        body: JSON.stringify({ name: `Bench ${n % 500}`, quadrant: 'q1', ring: ['r1', 'r2', 'r3', 'r4'][n % 4] }),
      };
    },
  },
  {
    method: 'POST',
    path: '/api/proposals',
    headers: auth,
    body: JSON.stringify({ kind: 'move-blip', radar, blip: 'seed-1', ring: 'r4', reason: 'benchmark write' }),
  },
];
// Mixed: one write for every three reads.
const requests = mode === 'mixed' ? [reads[0]!, reads[1]!, writes[0]!, reads[2]!, reads[3]!, writes[1]!] : reads;
autocannon({ url, connections, duration: seconds, requests, timeout: 10 }, (err, result) => {
  if (err) throw err;
  process.stdout.write(JSON.stringify(result));
});
