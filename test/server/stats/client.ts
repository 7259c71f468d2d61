/** A logged-in dashboard user over real HTTP: the session cookie and the CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken };
}

export function get(baseUrl: string, path: string, session: Session): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
}

export async function getJson<T>(baseUrl: string, path: string, session: Session): Promise<T> {
  const res = await get(baseUrl, path, session);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
