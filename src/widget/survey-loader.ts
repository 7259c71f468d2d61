import { parseSurvey, type SurveyDefinition } from '../../sdk/index.js';
import { deadline } from '../../sdk/internal/deadline.js';

const CACHE_PREFIX = 'storevoice:survey:';

/**
 * Turns the `survey` attribute into a definition: inline JSON is parsed at once; an id is fetched
 * from `GET {endpoint}/surveys/:id`. The last good copy of a fetched survey is kept in
 * localStorage, so a kiosk or a flaky connection still shows the survey (and collects feedback
 * into the outbox) when the collector cannot be reached.
 * @throws a ValidationError (invalid definition) or an Error naming what is missing or failed
 */
export async function loadSurvey(survey: string | SurveyDefinition, endpoint: string | undefined): Promise<SurveyDefinition> {
  if (typeof survey === 'object') return parseSurvey(survey);
  const text = survey.trim();
  if (text.startsWith('{')) return parseSurvey(text);
  if (!endpoint) throw new Error(`survey "${text}" is an id, so an endpoint is needed to fetch it (set the endpoint attribute or pass inline JSON)`);
  const url = `${endpoint.replace(/\/+$/, '')}/surveys/${encodeURIComponent(text)}`;
  try {
    const definition = parseSurvey(await fetchJson(url));
    remember(url, definition);
    return definition;
  } catch (error) {
    const cached = recall(url);
    if (cached) return cached;
    throw error;
  }
}

/** GET with an 8 s timeout, tried twice on a network error or a 5xx. */
async function fetchJson(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const limit = deadline(8000);
    let retryable = true; // network errors, timeouts, unreadable bodies and 5xx; not other statuses
    try {
      const response = await fetch(url, { credentials: 'omit', signal: limit.signal });
      if (response.ok) return await response.json();
      retryable = response.status >= 500;
      throw new Error(`GET ${url} answered ${response.status}`);
    } catch (error) {
      if (!retryable || attempt === 2) throw error;
    } finally {
      limit.clear();
    }
  }
}

function remember(url: string, definition: SurveyDefinition): void {
  try {
    localStorage.setItem(CACHE_PREFIX + url, JSON.stringify(definition));
  } catch {
    // Storage full or disabled: the survey still works online.
  }
}

function recall(url: string): SurveyDefinition | undefined {
  try {
    const text = localStorage.getItem(CACHE_PREFIX + url);
    return text ? parseSurvey(text) : undefined;
  } catch {
    return undefined;
  }
}
