import { useEffect } from 'react';

const DROP_WORKSPACE = { workspace: null } as const;
const DROP_CAMPAIGN = { campaign: null } as const;

/**
 * Settles the URL's workspace once the account's workspaces have loaded: with none named and only
 * one to choose, takes it (`chooseQuietly`, no history entry); a workspace the account does not
 * have is dropped with a notice. Both screens that take a workspace in their URL use it.
 */
export function useUrlWorkspace(
  workspace: string | null,
  workspaces: readonly { id: string }[] | null,
  chooseQuietly: (workspace: string) => void,
  reportInvalid: (notice: string, patch: typeof DROP_WORKSPACE) => void,
): void {
  useEffect(() => {
    if (workspaces === null) return;
    if (workspace === null) {
      const only = workspaces.length === 1 ? workspaces[0] : undefined;
      if (only) chooseQuietly(only.id);
    } else if (!workspaces.some((candidate) => candidate.id === workspace)) {
      reportInvalid(`Ignored workspace "${workspace}": this account has no such workspace.`, DROP_WORKSPACE);
    }
  }, [workspaces, workspace, chooseQuietly, reportInvalid]);
}

/**
 * Drops a campaign the workspace does not have (an old bookmark, another workspace's link) with a
 * notice, once the workspace's campaigns have loaded. Both screens that take a campaign in their
 * URL use it.
 */
export function useUrlCampaign(
  campaign: string | null,
  campaigns: readonly { id: string }[] | undefined,
  reportInvalid: (notice: string, patch: typeof DROP_CAMPAIGN) => void,
): void {
  useEffect(() => {
    if (campaign === null || campaigns === undefined) return;
    if (!campaigns.some((candidate) => candidate.id === campaign)) {
      reportInvalid(`Ignored campaign "${campaign}": this workspace has no such campaign.`, DROP_CAMPAIGN);
    }
  }, [campaigns, campaign, reportInvalid]);
}
