// The page's HTTP client: public reads, and analytics with the BUREAU token kept in memory only (never stored).

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail ? `${status}: ${detail}` : `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

export class Api {
  constructor() {
    this.token = null;
  }

  get signedIn() {
    return this.token !== null;
  }

  async request(url, { method = 'GET', accept = 'application/json', body, auth = false } = {}) {
    const headers = { Accept: accept };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (auth) {
      if (!this.token) {
        throw new ApiError(401, 'not signed in');
      }
      headers.Authorization = `Bearer ${this.token}`;
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, `network error (${e.message})`);
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (ignored) {
        // not a problem document
      }
      throw new ApiError(response.status, detail);
    }
    return response.json();
  }

  /** Every page of a cursor-paged list: follows `next` until a page has none. */
  async allPages(url, accept, onPage) {
    let next = url;
    const items = [];
    while (next) {
      const page = await this.request(next, { accept });
      const got = page.features || page.items || [];
      items.push(...got);
      if (onPage) {
        onPage(items.length);
      }
      next = page.next || null;
    }
    return items;
  }

  async signIn(clientId, clientSecret) {
    const answer = await this.request('/api/v1/auth/service-token', {
      method: 'POST', body: { clientId, clientSecret },
    });
    this.token = answer.accessToken;
    return answer;
  }
}
