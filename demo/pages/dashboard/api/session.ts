import { PreferencesSchema, SessionBodySchema, type DashboardLocale, type Preferences, type SessionBody } from '../../../server/auth/session-body.js';
import { ApiFailure, request, requestEmpty } from './http.js';

/** A signed-in dashboard user, as login and `/v1/auth/me` answer. */
export type Session = SessionBody;

/** The signed-in user, or undefined when there is no session. */
export async function fetchSession(): Promise<Session | undefined> {
  try {
    return await request('/v1/auth/me', SessionBodySchema);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return undefined;
    throw error;
  }
}

export function login(email: string, password: string): Promise<Session> {
  return request('/v1/auth/login', SessionBodySchema, { method: 'POST', body: { email, password } });
}

export async function logout(session: Session): Promise<void> {
  try {
    await requestEmpty('/v1/auth/logout', { method: 'POST', csrfToken: session.csrfToken });
  } catch (error) {
    // Already logged out (expired): the goal is reached.
    if (!(error instanceof ApiFailure && error.status === 401)) throw error;
  }
}

/** The user's saved settings (their language). */
export function fetchPreferences(): Promise<Preferences> {
  return request('/v1/auth/me/preferences', PreferencesSchema);
}

/** Saves the user's language for every device and later logins. */
export function saveLocale(session: Session, locale: DashboardLocale): Promise<Preferences> {
  return request('/v1/auth/me/preferences', PreferencesSchema, { method: 'PATCH', body: { locale }, csrfToken: session.csrfToken });
}
