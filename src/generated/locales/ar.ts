
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'reading-time.few': str`${0} دقائق للقراءة`,
'reading-time.many': str`${0} دقيقة للقراءة`,
'reading-time.one': `دقيقة واحدة للقراءة`,
'reading-time.other': str`${0} دقيقة للقراءة`,
'reading-time.two': `دقيقتان للقراءة`,
'reading-time.zero': str`${0} دقيقة للقراءة`,
    };
  