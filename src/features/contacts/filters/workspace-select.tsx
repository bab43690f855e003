import { memo } from 'react';
import type { Workspace } from '../../../shared/contract';

type WorkspaceSelectProps = {
  /** null while the list loads or when it failed. */
  workspaces: Workspace[] | null;
  value: string | null;
  onChange: (workspace: string) => void;
};

const NONE = '';

export const WorkspaceSelect = memo(function WorkspaceSelect({
  workspaces,
  value,
  onChange,
}: WorkspaceSelectProps) {
  const chosen = workspaces?.some((workspace) => workspace.id === value) ? value : null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="workspace-select" className="text-sm font-semibold">
        Workspace
      </label>
      <select
        id="workspace-select"
        value={chosen ?? NONE}
        disabled={workspaces === null || workspaces.length === 0}
        onChange={(event) => {
          if (event.target.value !== NONE) onChange(event.target.value);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900"
      >
        {/* A prompt, not a choice: hidden from the list, shown only until a workspace is chosen. */}
        {chosen === null && (
          <option value={NONE} disabled hidden>
            {workspaces === null ? 'Loading workspaces…' : 'Choose a workspace…'}
          </option>
        )}
        {workspaces?.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
});
