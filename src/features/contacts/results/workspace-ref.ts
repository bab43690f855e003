/**
 * The workspace whose contacts are shown. Its name is null while the workspace list is still on
 * its way: a bookmarked view shows its rows without waiting for that list.
 */
export type WorkspaceRef = { id: string; name: string | null };
