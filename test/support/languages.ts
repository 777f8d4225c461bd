// Invented texts in the languages Tally meets (written for these tests, not taken from any
// article): a monitoring report's register, long enough for language detection.

/** Persian: a figure with a qualifier, ZWNJ inside words, Persian digits, a Solar month. */
export const PERSIAN_REPORT =
  "به گزارش یک گروه حقوق بشری، دست‌کم ۱۲ زندانی در آبان ۱۴۰۳ در زندان مرکزی شهر اعدام شدند. " +
  "خانواده‌های این زندانیان پیش از اجرای حکم از این موضوع مطلع نشده بودند و این گروه می‌گوید شمار واقعی بیشتر است.\n";

/** Arabic: a figure with a qualifier and an attribution. */
export const ARABIC_REPORT =
  "قالت منظمة حقوقية في بيان إن السلطات أعدمت ما لا يقل عن تسعة سجناء خلال الشهر الماضي، " +
  "وإن عائلاتهم لم تبلغ بذلك مسبقا. وأضافت المنظمة أن هذه الأرقام قد تكون أقل من العدد الحقيقي.\n";

/** French: a figure with a qualifier, a French thousands separator and an attribution. */
export const FRENCH_REPORT =
  "Selon une organisation de défense des droits, au moins 1 500 personnes ont été arrêtées depuis le début des manifestations, " +
  "et les familles des détenus n'ont reçu aucune nouvelle. Les autorités n'ont pas répondu aux questions des journalistes " +
  "et les avocats ne sont pas autorisés à consulter les dossiers.\n";

/** Turkish: a language no extraction pack covers. */
export const TURKISH_REPORT =
  "Bir insan hakları grubuna göre geçen ay batıdaki cezaevinde en az dokuz mahkum idam edildi ve ailelerine önceden haber " +
  "verilmedi. Grup, gerçek sayının daha yüksek olabileceğini söyledi ve yetkililer sorulara yanıt vermedi.\n";
