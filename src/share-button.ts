/** Registers `<nw-share-button>` (what `dist/share-button.js` is built from). */
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
