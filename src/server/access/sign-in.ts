import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { passwordMatches, type AccessRule, type FailedLoginThrottle, type GateEnv } from './access-gate';
import { SIGN_IN_PATH, SIGN_OUT_PATH, type Sessions } from './sessions';

type PasswordRule = Extract<AccessRule, { kind: 'password' }>;

/**
 * The sign-in page, its form's target and sign-out. Sign-out is a POST whose origin is checked,
 * so another site cannot sign a person out (nor in: the sign-in form is checked the same way).
 */
export function signInRoutes(
  rule: PasswordRule,
  sessions: Sessions,
  throttle: FailedLoginThrottle,
): Hono<GateEnv> {
  const routes = new Hono<GateEnv>();
  routes.get(SIGN_IN_PATH, async (c) => {
    if ((await sessions.userOf(c)) !== null) return c.redirect('/', 303);
    return c.html(signInPage(null), 200, { 'Cache-Control': 'no-store' });
  });
  routes.post(SIGN_IN_PATH, csrf(), async (c) => {
    const address = getConnInfo(c).remote.address ?? '';
    const delay = throttle.delayFor(address);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const form = await c.req.parseBody();
    const user = typeof form.user === 'string' ? form.user.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    if (user === '' || user.includes('|') || !(await passwordMatches(rule, user, password))) {
      throttle.recordFailure(address);
      return c.html(
        signInPage('Wrong user name or password. Ask whoever runs this server for access.'),
        401,
        {
          'Cache-Control': 'no-store',
        },
      );
    }
    throttle.recordSuccess(address);
    await sessions.start(c, user);
    return c.redirect('/', 303);
  });
  routes.post(SIGN_OUT_PATH, csrf(), (c) => {
    sessions.end(c);
    return c.redirect(SIGN_IN_PATH, 303);
  });
  return routes;
}

function signInPage(problem: string | null) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · Mailstand Contacts</title>
        <style>
          body {
            font:
              16px system-ui,
              sans-serif;
            display: grid;
            place-items: center;
            min-height: 100vh;
            margin: 0;
            background: #f8fafc;
            color: #0f172a;
          }
          main {
            background: white;
            border: 1px solid #cbd5e1;
            border-radius: 8px;
            padding: 24px;
            width: min(22rem, 90vw);
          }
          h1 {
            font-size: 1.25rem;
            margin: 0 0 16px;
          }
          label {
            display: block;
            font-size: 0.875rem;
            font-weight: 600;
            margin: 12px 0 4px;
          }
          input {
            box-sizing: border-box;
            width: 100%;
            padding: 8px;
            border: 1px solid #94a3b8;
            border-radius: 6px;
            font: inherit;
          }
          button {
            margin-top: 16px;
            width: 100%;
            padding: 8px;
            border: 0;
            border-radius: 6px;
            background: #0369a1;
            color: white;
            font: inherit;
            font-weight: 600;
          }
          p[role='alert'] {
            color: #b91c1c;
            font-size: 0.875rem;
          }
        </style>
      </head>
      <body>
        <main>
          <h1>Sign in to Mailstand Contacts</h1>
          ${problem === null ? '' : html`<p role="alert">${problem}</p>`}
          <form method="post" action="${SIGN_IN_PATH}">
            <label for="user">User name</label>
            <input id="user" name="user" autocomplete="username" required autofocus />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>`;
}
