import { createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';

/** Outside a MountLaterRoot (a test rendering one part) everything mounts at once. */
const MountedLater = createContext(true);

/**
 * Around the app: the parts that its first rows do not need (the sidebar's filters, the toolbar,
 * the header's controls) mount after the first commit, as a transition. A page's answer arriving
 * meanwhile is rendered first, since React puts a store update ahead of a transition and starts
 * the transition again after it; the rest follows in slices that leave input responsive.
 */
export function MountLaterRoot({ children }: { children: ReactNode }) {
  const [later, setLater] = useState(false);
  useEffect(() => startTransition(() => setLater(true)), []);
  return <MountedLater value={later}>{children}</MountedLater>;
}

/** `children` once the first commit is on screen, `placeholder` (the same size) until then. */
export function MountLater({
  children,
  placeholder = null,
}: {
  children: ReactNode;
  placeholder?: ReactNode;
}) {
  return use(MountedLater) ? children : placeholder;
}
