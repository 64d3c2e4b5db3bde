// A spreadsheet locale (`en_US`, `de_DE`, `pt_BR`) to the decimal separator its users type.

/** Languages that write decimals with a comma in (nearly) every region. */
const COMMA_LANGUAGES: ReadonlySet<string> = new Set(
  (
    'af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lt lv mk mn nb nl nn no pl pt ro ' +
    'ru sk sl sq sr sv tr uk uz vi'
  ).split(' '),
);

/** Regions of those languages that use a point. */
const POINT_REGIONS: ReadonlySet<string> = new Set(
  'de_ch de_li it_ch es_mx es_us es_pr es_do es_gt es_hn es_ni es_pa es_sv es_419'.split(' '),
);

/** English regions that use a comma. */
const COMMA_REGIONS: ReadonlySet<string> = new Set(
  'en_za en_dk en_de en_nl en_fi en_se en_be en_at'.split(' '),
);

/** The decimal separator of a locale as Sheets names it (`de_DE`, `pt-BR`, `fr`); a point when unknown. */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  const normal = locale.trim().toLowerCase().replace(/-/g, '_');
  if (POINT_REGIONS.has(normal)) return '.';
  return COMMA_REGIONS.has(normal) || COMMA_LANGUAGES.has(normal.split('_')[0]) ? ',' : '.';
}
