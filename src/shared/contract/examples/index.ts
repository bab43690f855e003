// Mailstand's documented example responses, for tests. Imported rather than read from disk, so
// a missing file stops the run at once with its name.
import allFields from './all-fields.json';
import campaignsList from './campaigns-list.json';
import contactDetail from './contact-detail.json';
import contactsList from './contacts-list.json';
import error from './error.json';
import workspacesList from './workspaces-list.json';

const examples = {
  'all-fields': allFields,
  'campaigns-list': campaignsList,
  'contact-detail': contactDetail,
  'contacts-list': contactsList,
  error,
  'workspaces-list': workspacesList,
};

export type ExampleName = keyof typeof examples;

/** A fresh copy of a documented example, as unknown: a test parses it as the app parses an answer. */
export function documentedExample(name: ExampleName): unknown {
  return structuredClone(examples[name]);
}
