import { OVERVIEW_PATH } from '../features/campaigns/overview-path';

export type Screen = 'contacts' | 'campaigns';

/** Which screen an address shows: the campaign overview at its path, the contact browser anywhere else. */
export function screenOf(pathname: string): Screen {
  return pathname.replace(/\/+$/, '') === OVERVIEW_PATH ? 'campaigns' : 'contacts';
}
