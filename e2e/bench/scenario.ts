import {
  readFieldsAnswer,
  readCampaignsAnswer,
  readContactsPageAnswer,
  readWorkspacesAnswer,
} from '../../src/shared/contract';
import { withCustomFieldColumns } from '../../src/features/contacts/table/columns';
import { sandboxGet } from './http-client';

/** What the measurements are made on, found in the seeded data rather than hard-coded. */
export type Scenario = {
  /** The workspace with the most contacts. */
  workspace: string;
  contacts: number;
  /** Its campaign with the most contacts. */
  campaign: string;
  /** An email substring that many contacts share, and one that only a few have. */
  commonSearch: string;
  rareSearch: string;
  /** Every column id the app can show for this workspace (fields, custom fields, timestamps). */
  allColumns: string[];
};

export const COMMON_SEARCH = 'gmail';

export async function findScenario(baseUrl: string): Promise<Scenario> {
  const { data: workspaces } = await sandboxGet(baseUrl, '/workspaces', readWorkspacesAnswer);
  let best: { id: string; contacts: number } | null = null;
  for (const workspace of workspaces) {
    const page = await sandboxGet(
      baseUrl,
      `/contacts?workspace=${encodeURIComponent(workspace.id)}&page=1&display=1`,
      readContactsPageAnswer,
    );
    if (best === null || page.total_found > best.contacts)
      best = { id: workspace.id, contacts: page.total_found };
  }
  if (best === null) throw new Error('The sandbox has no workspaces.');
  const workspace = encodeURIComponent(best.id);
  const { data: campaigns } = await sandboxGet(
    baseUrl,
    `/campaigns?workspace=${workspace}&page=1&display=100`,
    readCampaignsAnswer,
  );
  const campaign = [...campaigns].sort((a, b) => (b.contacts ?? 0) - (a.contacts ?? 0))[0];
  if (campaign === undefined) throw new Error(`Workspace ${best.id} has no campaigns.`);
  // A whole address from the middle of the list: it matches one contact, or a few.
  const middle = await sandboxGet(
    baseUrl,
    `/contacts?workspace=${workspace}&page=${Math.ceil(best.contacts / 2)}&display=1`,
    readContactsPageAnswer,
  );
  const rareSearch = middle.data[0]?.email;
  if (!rareSearch) throw new Error('The contact in the middle of the list has no email.');
  const fields = await sandboxGet(baseUrl, `/workspaces/${workspace}/all-fields`, readFieldsAnswer);
  return {
    workspace: best.id,
    contacts: best.contacts,
    campaign: campaign.id,
    commonSearch: COMMON_SEARCH,
    rareSearch,
    // The app's own column list, so "every column" follows the app when columns are added.
    allColumns: withCustomFieldColumns(fields.data).flatMap((column) => (column.id ? [column.id] : [])),
  };
}
