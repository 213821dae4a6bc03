/** Registers `<nw-share-button>` (what `dist/share-button.js` is built from). */
// First, so the icons' path data, which gzip matches with nothing, does not stand between Lit and the element
// (gzip matches only within 32 KB): 17 bytes gzip less.
import './components/share-button/icons.js';
import { define } from './internal/define.js';
import { NwShareButton, type NwCopyDetail, type NwShareDetail } from './components/share-button/share-button.js';

export { NwShareButton };
export type { NwCopyDetail, NwShareDetail, ShareMode } from './components/share-button/share-button.js';

define('nw-share-button', NwShareButton);

declare global {
  interface HTMLElementTagNameMap {
    'nw-share-button': NwShareButton;
  }
  interface GlobalEventHandlersEventMap {
    'nw-share': CustomEvent<NwShareDetail>;
    'nw-copy': CustomEvent<NwCopyDetail>;
  }
}
