import { queryOptions } from '@tanstack/react-query';
import { readErrorAnswer } from '../../shared/contract';
import {
  readSavedView,
  viewPath,
  VIEWS_PATH,
  type SavedView,
  type ViewChange,
  type ViewDraft,
} from '../../shared/views/saved-view';

/** A refused or failed call to the server's views endpoints, in words a person can act on. */
export class ViewsError extends Error {
  override readonly name = 'ViewsError';
  constructor(
    message: string,
    /** HTTP status, or null when no answer came. */
    readonly status: number | null,
  ) {
    super(message);
  }
}

export const viewKeys = {
  all: ['views'] as const,
  list: (workspace: string) => [...viewKeys.all, workspace] as const,
};

async function request(method: string, path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ViewsError(
      'Could not reach the server. Check that it is running and your connection works.',
      null,
    );
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: said below in words.
  }
  if (!response.ok) {
    const problem = readErrorAnswer(json);
    const message = problem.ok ? problem.value[0]?.message : undefined;
    throw new ViewsError(
      message ?? `The server answered ${response.status} without saying why.`,
      response.status,
    );
  }
  return json;
}

function asView(json: unknown): SavedView {
  const view = readSavedView(json);
  if (view === null) throw new ViewsError('The server sent a view this app cannot read.', null);
  return view;
}

/** The views of a workspace, by name. */
export function savedViewsQuery(workspace: string) {
  return queryOptions({
    queryKey: viewKeys.list(workspace),
    queryFn: async () => {
      const json = await request('GET', `${VIEWS_PATH}?workspace=${encodeURIComponent(workspace)}`);
      const data = typeof json === 'object' && json !== null && 'data' in json ? json.data : null;
      if (!Array.isArray(data))
        throw new ViewsError('The server sent a list of views this app cannot read.', null);
      return data.map(asView);
    },
    // Colleagues save views too: a visit to the tab shows theirs, a minute old at most.
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: (failures, error) => failures < 2 && error instanceof ViewsError && error.status === null,
  });
}

export const createView = async (draft: ViewDraft) => asView(await request('POST', VIEWS_PATH, draft));

export const changeView = async (id: string, change: ViewChange) =>
  asView(await request('PATCH', viewPath(id), change));

export const deleteView = async (view: SavedView) =>
  asView(await request('DELETE', viewPath(view.id), { version: view.version }));

export const restoreView = async (id: string) => asView(await request('POST', `${viewPath(id)}/restore`, {}));
