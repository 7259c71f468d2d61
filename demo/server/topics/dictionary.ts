import * as z from 'zod/mini';

/**
 * A brand's topic dictionary: each topic has a label per language and keywords per language.
 * A keyword is a word or a phrase, compared after stemming (`queues` finds `queue`); a keyword
 * ending in `*` matches any word starting with it, unstemmed (`kassakö*` for Swedish compounds).
 * Languages are primary subtags (`sv`, not `sv-SE`). zod/mini and no other import: the brand
 * settings (and so the dashboard) validate with it.
 */
const Lang = z.string().check(z.regex(/^[a-z]{2,3}$/, 'must be a language such as en or sv'));
const Keyword = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(60, 'must be at most 60 characters'));

/** At most this many topics per brand: a dashboard list, not a taxonomy. */
export const MAX_TOPICS = 50;
/** At most this many keywords per topic and language. */
export const MAX_KEYWORDS = 200;

export const TopicSchema = z.strictObject({
  /** What the dashboard calls the topic, per language (`en` is the fallback). */
  label: z.record(Lang, z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(60, 'must be at most 60 characters'))).check(
    z.refine((labels) => 'en' in labels, 'needs an English label (the fallback)'),
  ),
  /** Words and phrases that mark a comment with the topic, per language. */
  keywords: z.record(Lang, z.array(Keyword).check(z.maxLength(MAX_KEYWORDS, `must list at most ${MAX_KEYWORDS} keywords`))),
});
export type Topic = z.infer<typeof TopicSchema>;

const TOPIC_ID = /^[a-z][a-z0-9-]{0,39}$/;
export const TopicDictionarySchema = z.record(z.string(), TopicSchema).check(
  z.superRefine((dictionary, ctx) => {
    const ids = Object.keys(dictionary);
    if (ids.length > MAX_TOPICS) ctx.issues.push({ code: 'custom', input: dictionary, path: [], message: `must have at most ${MAX_TOPICS} topics` });
    for (const id of ids) {
      if (!TOPIC_ID.test(id)) ctx.issues.push({ code: 'custom', input: id, path: [id], message: 'a topic id must be lowercase letters, digits and -, such as fitting-rooms' });
    }
  }),
);
export type TopicDictionary = z.infer<typeof TopicDictionarySchema>;

/**
 * The dictionary a brand starts with: the reasons retail customers give most, in the demo's
 * languages (English, Swedish, Norwegian, Danish) and German, French and Spanish. Brands edit it in
 * their settings.
 */
export const DEFAULT_TOPICS: TopicDictionary = {
  queue: {
    label: { en: 'Queue', sv: 'Kö', nb: 'Kø', da: 'Kø', de: 'Warteschlange', fr: 'File d’attente', es: 'Cola', 'pt': 'Fila', ar: 'الطابور', he: 'תור', ja: '行列' },
    keywords: {
      en: ['queue', 'line', 'wait', 'waiting', 'till', 'checkout took'],
      sv: ['kö', 'köa', 'köer', 'vänta', 'väntetid', 'kassan', 'kassakö*'],
      nb: ['kø', 'køen', 'vente', 'ventetid', 'kassen'],
      da: ['kø', 'køen', 'vente', 'ventetid', 'kassen'],
      de: ['schlange', 'warten', 'wartezeit', 'kasse'],
      fr: ['file', 'attente', 'attendre', 'caisse'],
      es: ['cola', 'fila', 'esperar', 'espera', 'caja'],
    },
  },
  staff: {
    label: { en: 'Staff', sv: 'Personal', nb: 'Personale', da: 'Personale', de: 'Personal', fr: 'Personnel', es: 'Personal', pt: 'Equipe', ar: 'الموظفون', he: 'צוות', ja: 'スタッフ' },
    keywords: {
      en: ['staff', 'staffed', 'employee', 'assistant', 'help', 'helpful', 'rude', 'friendly', 'advice', 'ignored'],
      sv: ['personal', 'personalen', 'anställd', 'expedit', 'hjälp', 'hjälpsam', 'trevlig', 'otrevlig'],
      nb: ['personale', 'personalet', 'ansatt', 'hjelp', 'hjelpsom', 'hyggelig', 'uhøflig'],
      da: ['personale', 'personalet', 'ansat', 'hjælp', 'hjælpsom', 'venlig', 'uhøflig'],
      de: ['personal', 'mitarbeiter', 'verkäufer', 'hilfe', 'hilfsbereit', 'freundlich', 'unfreundlich'],
      fr: ['personnel', 'vendeur', 'vendeuse', 'aide', 'aimable', 'serviable', 'impoli'],
      es: ['personal', 'empleado', 'dependiente', 'ayuda', 'amable', 'maleducado'],
    },
  },
  price: {
    label: { en: 'Price', sv: 'Pris', nb: 'Pris', da: 'Pris', de: 'Preis', fr: 'Prix', es: 'Precio', pt: 'Preço', ar: 'السعر', he: 'מחיר', ja: '価格' },
    keywords: {
      en: ['price', 'prices', 'expensive', 'cheap', 'cost', 'discount', 'overpriced'],
      sv: ['pris', 'priset', 'priser', 'dyr', 'dyrt', 'billig', 'rabatt'],
      nb: ['pris', 'prisen', 'priser', 'dyr', 'dyrt', 'billig', 'rabatt'],
      da: ['pris', 'prisen', 'priser', 'dyr', 'dyrt', 'billig', 'rabat'],
      de: ['preis', 'preise', 'teuer', 'billig', 'rabatt'],
      fr: ['prix', 'cher', 'chère', 'réduction', 'promotion'],
      es: ['precio', 'precios', 'caro', 'barato', 'descuento'],
    },
  },
  stock: {
    label: { en: 'Stock', sv: 'Sortiment', nb: 'Varelager', da: 'Varelager', de: 'Verfügbarkeit', fr: 'Disponibilité', es: 'Existencias', pt: 'Estoque', ar: 'المخزون', he: 'מלאי', ja: '在庫' },
    keywords: {
      en: ['stock', 'out of stock', 'sold out', 'shelf', 'shelves', 'empty', 'available'],
      sv: ['slut', 'slutsåld', 'lager', 'hyllor', 'hyllorna', 'tomma'],
      nb: ['utsolgt', 'lager', 'hyller', 'hyllene', 'tomme'],
      da: ['udsolgt', 'lager', 'hylder', 'hylderne', 'tomme'],
      de: ['ausverkauft', 'lager', 'regal', 'regale', 'leer', 'vorrätig'],
      fr: ['rupture', 'stock', 'rayon', 'rayons', 'vide', 'épuisé'],
      es: ['agotado', 'stock', 'estantería', 'estanterías', 'vacío'],
    },
  },
  cleanliness: {
    label: { en: 'Cleanliness', sv: 'Städning', nb: 'Renhold', da: 'Rengøring', de: 'Sauberkeit', fr: 'Propreté', es: 'Limpieza', pt: 'Limpeza', ar: 'النظافة', he: 'ניקיון', ja: '清潔さ' },
    keywords: {
      en: ['clean', 'dirty', 'tidy', 'untidy', 'messy', 'mess'],
      sv: ['ren', 'rent', 'smutsig', 'städad', 'stökig', 'skräpig'],
      nb: ['ren', 'rent', 'skitten', 'skittent', 'rotete', 'ryddig'],
      da: ['ren', 'rent', 'beskidt', 'rodet', 'ryddelig'],
      de: ['sauber', 'schmutzig', 'dreckig', 'unordentlich', 'ordentlich'],
      fr: ['propre', 'sale', 'désordre', 'rangé'],
      es: ['limpio', 'sucio', 'desordenado', 'ordenado'],
    },
  },
  payment: {
    label: { en: 'Payment', sv: 'Betalning', nb: 'Betaling', da: 'Betaling', de: 'Bezahlung', fr: 'Paiement', es: 'Pago', pt: 'Pagamento', ar: 'الدفع', he: 'תשלום', ja: '支払い' },
    keywords: {
      en: ['card', 'payment', 'pay', 'terminal', 'cash', 'contactless', 'receipt'],
      sv: ['kort', 'kortet', 'betalning', 'betala', 'terminal', 'terminalen', 'kontant', 'kvitto'],
      nb: ['kort', 'kortet', 'betaling', 'betale', 'terminal', 'terminalen', 'kontant', 'kvittering'],
      da: ['kort', 'kortet', 'betaling', 'betale', 'terminal', 'terminalen', 'kontant', 'kvittering'],
      de: ['karte', 'zahlung', 'bezahlen', 'terminal', 'bar', 'kassenbon'],
      fr: ['carte', 'paiement', 'payer', 'terminal', 'espèces', 'ticket'],
      es: ['tarjeta', 'pago', 'pagar', 'datáfono', 'efectivo', 'recibo'],
    },
  },
  'fitting-rooms': {
    label: { en: 'Fitting rooms', sv: 'Provrum', nb: 'Prøverom', da: 'Prøverum', de: 'Umkleiden', fr: 'Cabines d’essayage', es: 'Probadores', pt: 'Provadores', ar: 'غرف القياس', he: 'תאי מדידה', ja: '試着室' },
    keywords: {
      en: ['fitting room', 'fitting rooms', 'changing room', 'changing rooms'],
      sv: ['provrum', 'provrummen', 'provrummet'],
      nb: ['prøverom', 'prøverommet', 'prøverommene'],
      da: ['prøverum', 'prøverummet', 'prøverummene'],
      de: ['umkleide', 'umkleiden', 'umkleidekabine'],
      fr: ['cabine', 'cabines', 'essayage'],
      es: ['probador', 'probadores'],
    },
  },
  product: {
    label: { en: 'Product', sv: 'Produkt', nb: 'Produkt', da: 'Produkt', de: 'Produkt', fr: 'Produit', es: 'Producto', pt: 'Produto', ar: 'المنتج', he: 'מוצר', ja: '商品' },
    keywords: {
      en: ['quality', 'product', 'item', 'fabric', 'size', 'sizes'],
      // Not 'vara' (goods): it stems to 'var', which is also 'was'.
      sv: ['kvalitet', 'kvaliteten', 'produkt', 'produkten', 'storlek'],
      nb: ['kvalitet', 'kvaliteten', 'produkt', 'produktet', 'størrelse'],
      da: ['kvalitet', 'kvaliteten', 'produkt', 'produktet', 'størrelse'],
      de: ['qualität', 'produkt', 'ware', 'größe'],
      fr: ['qualité', 'produit', 'article', 'taille'],
      es: ['calidad', 'producto', 'artículo', 'talla'],
    },
  },
};
