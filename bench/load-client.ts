/**
 * The load of the load test, in its own process so its client work does not slow the health probe:
 * argv[2] = base URL, argv[3] = connections, argv[4] = seconds. Prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';

const [url, connections, seconds] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const json = { 'content-type': 'application/json' };
const stack = JSON.stringify({
  name: 'load',
  teams: [
    { name: 'Research', persona: 'researcher', tools: ['jupyterlab', 'mlflow', 'optuna'] },
    { name: 'Platform', persona: 'engineer', tools: ['airflow', 'kubernetes', 'github-actions', 'grafana'] },
  ],
});
const requests: autocannon.Request[] = [
  { method: 'GET', path: '/api/tools?limit=50' },
  { method: 'GET', path: '/api/tools?q=tracking' },
  { method: 'GET', path: '/api/tools/mlflow' },
  { method: 'POST', path: '/api/stacks/analyze', headers: json, body: stack },
  { method: 'GET', path: '/api/tools?quadrant=ml-platforms&oss=true' },
  {
    method: 'POST',
    path: '/api/recommend',
    headers: json,
    body: JSON.stringify({ needs: ['experiment-tracking', 'model-registry', 'model-serving', 'model-monitoring'] }),
  },
  { method: 'GET', path: '/api/map' },
  {
    method: 'POST',
    path: '/api/recommend',
    headers: json,
    body: JSON.stringify({ needs: ['feature-store', 'data-validation', 'ml-pipelines'], openSourceOnly: true, keep: ['airflow'] }),
  },
];
autocannon({ url, connections, duration: seconds, requests, timeout: 10 }, (err, result) => {
  if (err) throw err;
  process.stdout.write(JSON.stringify(result));
});
