/**
 * What a reader's browser shows when a page cannot be made because the database is not answering (restarting,
 * unreachable): a page, not the REST API's JSON, in the site's two languages since the article's is unknown.
 */
import { html } from '../html.js';
import { simplePage } from './simple-page.js';

export function renderUnavailablePage(): string {
  return simplePage({
    lang: 'ar',
    title: 'الموقع غير متاح مؤقتًا',
    body: html`<h1>الموقع غير متاح مؤقتًا</h1>
      <p>نعيد تشغيل قاعدة البيانات. أعد تحميل الصفحة بعد لحظات.</p>
      <div lang="en" dir="ltr">
        <h2>The site is briefly unavailable</h2>
        <p>Its database is restarting. Reload the page in a moment.</p>
      </div>`,
  });
}
