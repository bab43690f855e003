import { FeatureBoundary, lazyFeature } from '../../../components/lazy-feature';
import { DetailPanelFrame, DetailPanelLoading } from './detail-panel-frame';

// Not needed for the first screen: its code arrives when first used, or sooner on intent.
const contactDetail = lazyFeature(() =>
  import('./contact-detail-panel').then((module) => module.ContactDetailPanel),
);

/** Starts fetching the panel's code, e.g. when the pointer reaches the rows. */
export const preloadContactDetail = contactDetail.preload;

/** The contact panel, in its frame from the first moment while its code arrives. */
export function ContactDetail(props: { contactId: string; workspace: string; onClose: () => void }) {
  return (
    <FeatureBoundary
      what="the contact details"
      loading={<DetailPanelLoading contactId={props.contactId} onClose={props.onClose} />}
      frame={(failure) => (
        <DetailPanelFrame title="Contact" contactId={props.contactId} onClose={props.onClose}>
          {failure}
        </DetailPanelFrame>
      )}
    >
      <contactDetail.Component {...props} />
    </FeatureBoundary>
  );
}
