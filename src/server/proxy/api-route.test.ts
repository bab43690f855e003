import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, reencodeQuery, routeApiRequest } from './api-route';

const get = (rawTarget: string) => routeApiRequest({ method: 'GET', rawTarget, hasBody: false });

describe('routeApiRequest', () => {
  it.each([
    ['/api/workspaces', '/workspaces'],
    ['/api/workspaces/space_EVGGabc123/all-fields', '/workspaces/space_EVGGabc123/all-fields'],
    ['/api/campaigns', '/campaigns'],
    ['/api/contacts', '/contacts'],
    ['/api/contacts/contact_Y3jj1234567890abcdefghijk', '/contacts/contact_Y3jj1234567890abcdefghijk'],
  ])('forwards the allowed call %s', (target, path) => {
    expect(get(target)).toEqual({ kind: 'forward', path, query: '' });
  });

  it.each([
    '/api/../secret',
    '/api/contacts/../workspaces',
    '/api/./contacts',
    '/api/contacts/.',
    '/api//contacts',
    '/api/%2e%2e/workspaces',
    '/api/contacts%2f..%2fworkspaces',
    '/api/contacts%2F',
    '/api/%252e%252e/workspaces',
    '/api/contacts/%63ontact_1',
    '/api/contacts\\..\\workspaces',
    '/api/contacts/user@evil.example',
    '/api/contacts#fragment',
    '/api/contacts/\u00e9',
  ])('refuses the path trick %s with 400', (target) => {
    expect(get(target)).toMatchObject({ kind: 'reject', status: 400, error: 'Invalid Request' });
  });

  it.each([
    '/api',
    '/api/',
    '/api/contacts/',
    '/api/contacts/a/b',
    '/api/workspaces/space_1',
    '/api/workspaces/space_1/all-fields/x',
    '/api/accounts',
    '/api/CONTACTS',
    '/api/contacts/' + 'x'.repeat(129),
    '/apiary',
  ])('answers 404 for the unknown path %s', (target) => {
    expect(get(target)).toMatchObject({ kind: 'reject', status: 404 });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    'answers 405 with Allow: GET for %s',
    (method) => {
      expect(routeApiRequest({ method, rawTarget: '/api/contacts', hasBody: false })).toMatchObject({
        status: 405,
        allow: 'GET',
      });
    },
  );

  it('answers 404 rather than 405 for another method on an unknown path', () => {
    expect(routeApiRequest({ method: 'POST', rawTarget: '/api/admin', hasBody: false })).toMatchObject({
      status: 404,
    });
  });

  it('refuses a body on GET', () => {
    expect(routeApiRequest({ method: 'GET', rawTarget: '/api/contacts', hasBody: true })).toMatchObject({
      status: 400,
      message: expect.stringContaining('body'),
    });
  });

  it('answers 414 for a query longer than the limit, and accepts one at the limit', () => {
    const query = (length: number) => 'search=' + 'a'.repeat(length - 'search='.length);
    expect(get(`/api/contacts?${query(MAX_QUERY_LENGTH + 1)}`)).toMatchObject({ status: 414 });
    expect(get(`/api/contacts?${query(MAX_QUERY_LENGTH)}`)).toMatchObject({ kind: 'forward' });
  });

  it.each(['search=a%0d%0aX-Injected:%201', 'search=%00', 'a%0A=1', 'search=%E0%A4%A', 'search=%ff', '=x'])(
    'refuses the query %s with 400',
    (query) => {
      expect(get(`/api/contacts?${query}`)).toMatchObject({ status: 400 });
    },
  );

  it('forwards the query re-encoded, keeping order and repeated keys', () => {
    expect(get('/api/contacts?workspace=space_1&stage=Do+Not+Contact&search=a%2Bb&page=1&page=2')).toEqual({
      kind: 'forward',
      path: '/contacts',
      query: 'workspace=space_1&stage=Do%20Not%20Contact&search=a%2Bb&page=1&page=2',
    });
  });
});

describe('reencodeQuery', () => {
  it('gives the same parameters as URLSearchParams for any printable input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string()), { maxLength: 8 }),
        (entries) => {
          const clean = entries.filter(([name, value]) => !/\p{Cc}/u.test(name + value));
          const raw = new URLSearchParams(clean).toString();
          const reencoded = reencodeQuery(raw);
          expect(reencoded).not.toBeNull();
          expect([...new URLSearchParams(reencoded ?? '')]).toEqual(clean);
        },
      ),
    );
  });
});

describe('routeApiRequest with the app-only fields', () => {
  it('forwards a contacts page without fields, and says which fields to keep', () => {
    expect(get('/api/contacts?workspace=space_1&fields=id,email,stage&page=1&display=2000')).toEqual({
      kind: 'forward',
      path: '/contacts',
      query: 'workspace=space_1&page=1&display=2000',
      fields: ['email', 'id', 'stage'],
    });
  });

  it.each([
    '/api/contacts?workspace=space_1&fields=id,password',
    '/api/contacts?workspace=space_1&fields=',
    '/api/contacts?fields=id&fields=email',
    '/api/workspaces?fields=id',
  ])('refuses %s with 400 in Mailstand’s error shape', (target) => {
    expect(get(target)).toMatchObject({
      kind: 'reject',
      status: 400,
      error: 'Invalid Request',
      message: expect.stringContaining('"fields"'),
    });
  });
});
