/**
 * What the fixtures (`seed-article-ar.json`, `articles-ar.json`, `articles-en.json`) do not carry but a newsroom's
 * database would: slugs, sections, dates, featured images, and English body text. The Arabic fixtures carry their
 * own paragraphs; the English ones give only a word count, and their bodies are real sentences on the article's
 * subject, repeated up to about that many words, so reading time computed from the content matches the count.
 */

export interface ImageSeed {
  file: string;
  alt: string;
}

export interface ArticleExtras {
  slug: string;
  authorSlug: string;
  section: { slug: string; name: string };
  /** WordPress tags (post_tag), in the article's language. */
  tags: ReadonlyArray<{ slug: string; name: string }>;
  image: ImageSeed;
}

const politics = { slug: 'politics', name: 'سياسة' };
const gaza = { slug: 'gaza', name: 'غزة' };

export const arabicExtras: ArticleExtras & { dateGmt: string } = {
  slug: 'us-hamas-direct-talks',
  authorSlug: 'editorial-team',
  section: politics,
  tags: [
    gaza,
    { slug: 'hamas', name: 'حماس' },
    { slug: 'united-states', name: 'الولايات المتحدة' },
    { slug: 'qatar', name: 'قطر' },
    { slug: 'hostages', name: 'الرهائن' },
  ],
  dateGmt: '2026-11-28T07:45:00',
  image: { file: 'us-hamas-direct-talks.svg', alt: 'رسم تجريدي لدائرتين متقابلتين تتقاطعان فوق خطوط أفقية' },
};

/** In the order of `articles-ar.json`: two more in the seed article's section, so its "read also" row is its own. */
export const moreArabicExtras: readonly ArticleExtras[] = [
  {
    slug: 'security-council-gaza-aid',
    authorSlug: 'international-desk',
    section: politics,
    tags: [
      gaza,
      { slug: 'security-council', name: 'مجلس الأمن' },
      { slug: 'humanitarian-aid', name: 'المساعدات الإنسانية' },
      { slug: 'united-nations', name: 'الأمم المتحدة' },
    ],
    image: { file: 'security-council-gaza-aid.svg', alt: 'رسم تجريدي لقوس أزرق تصطف عليه دوائر صغيرة حول مربع ذهبي' },
  },
  {
    slug: 'gulf-central-banks-hold-rates',
    authorSlug: 'economy-desk',
    section: { slug: 'economy', name: 'اقتصاد' },
    tags: [
      { slug: 'interest-rates', name: 'أسعار الفائدة' },
      { slug: 'central-banks', name: 'البنوك المركزية' },
      { slug: 'gulf', name: 'الخليج' },
      { slug: 'inflation', name: 'التضخم' },
    ],
    image: { file: 'gulf-central-banks-hold-rates.svg', alt: 'رسم تجريدي لأعمدة ذهبية تصعد ثم تستقر تحت خط أفقي متقطع' },
  },
  {
    slug: 'arab-ministers-gaza-reconstruction',
    authorSlug: 'editorial-team',
    section: politics,
    tags: [
      gaza,
      { slug: 'egypt', name: 'مصر' },
      { slug: 'reconstruction', name: 'إعادة الإعمار' },
      { slug: 'arab-league', name: 'جامعة الدول العربية' },
    ],
    image: { file: 'arab-ministers-gaza-reconstruction.svg', alt: 'رسم تجريدي لمكعبات رملية مكدسة وأخرى منقطة الحواف تحت شمس برتقالية' },
  },
];

/** In the order of `articles-en.json`. */
export const englishExtras: ReadonlyArray<ArticleExtras & { sentences: readonly string[] }> = [
  {
    slug: 'protected-bike-lanes-approved',
    authorSlug: 'newsroom-staff',
    section: { slug: 'local', name: 'Local' },
    tags: [
      { slug: 'cycling', name: 'Cycling' },
      { slug: 'city-council', name: 'City council' },
      { slug: 'urban-transport', name: 'Urban transport' },
    ],
    image: { file: 'protected-bike-lanes-approved.svg', alt: 'Abstract green lanes curving across a pale map' },
    sentences: [
      'The council voted eleven to four on Tuesday evening to approve the first phase of the network, after a debate that ran past midnight.',
      'Planners say the lanes will be separated by concrete kerbs rather than painted lines, so that cyclists are physically protected from traffic.',
      'The first stretch will connect the university district with the railway station and is expected to open before the end of next summer.',
      'Shop owners on the main street of the old town had asked for delivery bays, and the final plan keeps loading zones every two blocks.',
      'According to the transport office, about one in eight trips in the city is already made by bicycle, twice the share of a decade ago.',
      'Opponents argued that removing parking spaces would hurt local businesses, but studies from other cities found that footfall often rises.',
      'The three-year programme is expected to cost 38 million, most of it covered by a regional grant for sustainable transport.',
      'Residents will be able to comment on the detailed design of each street at public meetings that begin next month.',
    ],
  },
  {
    slug: 'phone-battery-cold',
    authorSlug: 'science-desk',
    section: { slug: 'science', name: 'Science' },
    tags: [
      { slug: 'batteries', name: 'Batteries' },
      { slug: 'smartphones', name: 'Smartphones' },
      { slug: 'winter', name: 'Winter' },
    ],
    image: { file: 'phone-battery-cold.svg', alt: 'Abstract blue crystals around a glowing vertical bar' },
    sentences: [
      'Lithium-ion cells store energy by moving lithium ions between two electrodes through a liquid electrolyte.',
      'When the temperature drops below freezing, that electrolyte thickens and the ions move more slowly.',
      'The phone measures the voltage under load, and a sluggish cell shows a lower voltage than a warm one holding the same charge.',
      'That is why a phone can report twenty per cent in the cold and then switch itself off, only to come back to life indoors.',
      'Engineers stress that the lost capacity is usually not lost for good: most of it returns once the battery warms up again.',
      'Charging is the real risk, because pushing current into a frozen cell can plate metallic lithium onto the anode and shorten its life.',
      'Keeping the phone in an inside pocket, close to the body, is the simplest way to hold the battery within its comfortable range.',
      'Thick cases help a little, while leaving a phone in a parked car overnight is one of the worst things you can do to it.',
    ],
  },
  {
    slug: 'manuscript-goes-online',
    authorSlug: 'culture-desk',
    section: { slug: 'culture', name: 'Culture' },
    tags: [
      { slug: 'manuscripts', name: 'Manuscripts' },
      { slug: 'libraries', name: 'Libraries' },
      { slug: 'digitisation', name: 'Digitisation' },
    ],
    image: { file: 'manuscript-goes-online.svg', alt: 'Abstract parchment-coloured pages fanned out over a dark red ground' },
    sentences: [
      'The codex, copied by several hands in the twelfth century, had been too fragile to leave its climate-controlled vault for decades.',
      'Conservators photographed each leaf under visible, ultraviolet and infrared light, which reveals ink that has faded to the naked eye.',
      'The images were stitched together finely enough to show the grain of the parchment and the pricked holes used to rule the lines.',
      'Scholars are most interested in the margins, where later readers corrected the text, added recipes and drew small animals.',
      'The library says the online edition was visited by readers from more than sixty countries in its first week.',
      'Every page comes with a transcription that volunteers can improve, much like an encyclopedia that anyone can edit.',
    ],
  },
];

/** The avatar every author gets: a local image, since the demo loads nothing from third parties (no Gravatar). */
export const avatarFile = 'avatar.svg';
