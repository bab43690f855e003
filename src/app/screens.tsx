import { FeatureBoundary, lazyFeature } from '../components/lazy-feature';
import { MessagePanel } from '../components/ui/message-panel';
import { overviewPath } from '../features/campaigns/overview-path';
import { screenOf } from './screen-of';
import { contactsHref } from '../features/campaigns/contacts-link';
import { ContactsView } from '../features/contacts/contacts-view';
import { readId } from '../shared/contract';
import { followAppLink, usePathname, useSearch } from '../lib/navigation';

/** The overview is its own chunk: the contact browser's first load does not carry it. */
const campaignsOverview = lazyFeature(() =>
  import('../features/campaigns/campaigns-overview').then((module) => module.CampaignsOverview),
);

/** The header's links between the screens; each keeps the workspace the person is in. */
export function ScreenNav() {
  const screen = screenOf(usePathname());
  // Both screens name the workspace alike; the screen's own parser reports a bad one, not the header.
  const named = readId('workspace', new URLSearchParams(useSearch()).get('workspace') ?? '');
  const workspace = named.ok ? named.value : null;
  const links = [
    { screen: 'contacts', label: 'Contacts', href: contactsHref(workspace) },
    {
      screen: 'campaigns',
      label: 'Campaigns',
      href: overviewPath(new URLSearchParams(workspace === null ? {} : { workspace })),
    },
  ] as const;
  return (
    <nav aria-label="Screens" className="flex items-center gap-1 text-sm">
      {links.map((link) => (
        <a
          key={link.screen}
          href={link.href}
          aria-current={screen === link.screen ? 'page' : undefined}
          onClick={followAppLink}
          onPointerEnter={link.screen === 'campaigns' ? campaignsOverview.preload : undefined}
          onFocus={link.screen === 'campaigns' ? campaignsOverview.preload : undefined}
          className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-950 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white"
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}

/** The screen the address names: the campaign overview at /campaigns, the contact browser elsewhere. */
export function CurrentScreen() {
  if (screenOf(usePathname()) === 'contacts') return <ContactsView />;
  return (
    <FeatureBoundary
      what="the campaign overview"
      loading={<MessagePanel title="Loading the campaign overview…" />}
    >
      <campaignsOverview.Component />
    </FeatureBoundary>
  );
}
