/** POSTs JSON to the server's API (not available in a static export). */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `${res.status} ${res.statusText}`);
  return data;
}

export const serverAvailable = () => document.querySelector<HTMLMetaElement>('meta[name="mlnav-data"]')?.content !== 'static';
