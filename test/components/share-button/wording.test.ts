import { expect } from '@open-wc/testing';
import { DIRECTIONS, items, menu, mount, trigger } from './helpers.js';

const ALL = 'whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy';

/**
 * The Arabic of every network: its name in the menu, and the spoken name of its icon-only button. One voice
 * throughout: the imperative of the trigger ("شارك"), "شارك على" a network, "عبر" the e-mail, "انسخ" the link;
 * each brand as it spells itself in Arabic (LinkedIn: "لينكد إن").
 */
const ARABIC: Record<string, [label: string, action: string]> = {
  whatsapp: ['واتساب', 'شارك على واتساب'],
  telegram: ['تيليجرام', 'شارك على تيليجرام'],
  x: ['إكس', 'شارك على إكس'],
  facebook: ['فيسبوك', 'شارك على فيسبوك'],
  linkedin: ['لينكد إن', 'شارك على لينكد إن'],
  reddit: ['ريديت', 'شارك على ريديت'],
  bluesky: ['بلوسكاي', 'شارك على بلوسكاي'],
  threads: ['ثريدز', 'شارك على ثريدز'],
  mastodon: ['ماستودون', 'شارك على ماستودون'],
  email: ['البريد الإلكتروني', 'شارك عبر البريد الإلكتروني'],
  copy: ['انسخ الرابط', 'انسخ الرابط'],
};

const arabic = DIRECTIONS.find((d) => d.lang === 'ar')!;

describe('share button Arabic wording', () => {
  it('names every network in the menu as the table says', async () => {
    const el = await mount(arabic, { mode: 'menu', networks: ALL });
    trigger(el).click();
    await el.updateComplete;
    const shown = Object.fromEntries(items(el).map((item) => [item.dataset.network, item.textContent!.trim()]));
    expect(shown).to.deep.equal(Object.fromEntries(Object.entries(ARABIC).map(([name, [label]]) => [name, label])));
    expect(menu(el).getAttribute('aria-label')).to.equal('شارك');
  });

  it('gives every icon-only button the spoken name the table says', async () => {
    const el = await mount(arabic, { mode: 'inline', 'icon-only': true, networks: ALL });
    const spoken = Object.fromEntries(items(el).map((item) => [item.dataset.network, item.getAttribute('aria-label')]));
    expect(spoken).to.deep.equal(Object.fromEntries(Object.entries(ARABIC).map(([name, [, action]]) => [name, action])));
  });
});
