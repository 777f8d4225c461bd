// Page clutter, as data: what the HTML reader removes before it reads an article.

/** Elements that never carry article text. */
export const CLUTTER_TAGS: readonly string[] = [
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
  "svg", "math", "canvas", "form", "button", "input", "select", "textarea", "dialog",
  "nav", "aside", "link", "meta", "base", "audio", "video", "source", "track", "map",
];

/** ARIA roles of site chrome. */
export const CLUTTER_ROLES: readonly string[] = [
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog",
];

/**
 * Words that mark clutter when they appear as whole tokens in an element's class, id or
 * aria-label (spaces stand for any run of "-", "_" or nothing: "share bar" matches "share-bar", "sharebar").
 */
export const CLUTTER_ATTRIBUTE_WORDS: readonly string[] = [
  "menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "sidebar", "skip link",
  "share", "shares", "sharing", "share bar", "share buttons", "social", "social links", "social share",
  "related", "related articles", "related posts", "related stories", "related news",
  "recommended", "recommendations", "you might also like", "you may also like", "also like",
  "latest news", "latest", "most read", "most popular", "popular posts", "trending", "must read",
  "more stories", "read more", "read next", "up next",
  "tags", "tag", "tag list", "tag cloud", "post tags", "article tags", "topics",
  "comments", "comment", "comment form", "disqus", "replies",
  "cookie", "cookies", "cookie banner", "cookie notice", "consent", "gdpr",
  "copyright", "newsletter", "subscribe", "subscription", "signup", "sign up",
  "advert", "advertisement", "ads", "ad slot", "sponsored", "promo", "popup", "modal",
];

/** Short headings that introduce a clutter box (the heading and its list go). */
export const CLUTTER_HEADINGS: readonly RegExp[] = [
  /^related(\s+(articles?|stories|news|posts|content|coverage|reading|reports))?\s*:?$/i,
  /^(recommended|recommended for you|recommended (articles|stories|reading))\s*:?$/i,
  /^latest(\s+(news|stories|articles|posts|updates))?\s*:?$/i,
  /^must[\s-]+reads?\s*:?$/i,
  /^you (might|may) (also )?like\s*:?$/i,
  /^(more|other) (stories|news|articles)( from [\w\s]+)?\s*:?$/i,
  /^(most (read|popular|viewed)|trending( now)?|read (next|also|more))\s*:?$/i,
  /^(tags|topics|keywords|filed under)\s*:?$/i,
  /^(\d+\s+)?comments?\s*:?$/i,
  /^(leave|post|add) a (comment|reply)\s*:?$/i,
  /^share( this)?( article| story| page| post)?\s*:?$/i,
];

/** Short lines that are clutter on their own (tags lines, share bars, copyright, banners). */
export const CLUTTER_LINES: readonly RegExp[] = [
  /^(tags?|topics|keywords|filed under|categories)\s*[:：]/i,
  /^share( this)?( article| story| page| post)?\s*[:：]?\s*(on\s+)?(facebook|twitter|x|whatsapp|telegram|email|e-mail|linkedin|reddit|copy link|print|[\s,|•·/])*$/i,
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /\b(subscribe to|sign up for|sign up to|get) (our|the) (daily |weekly )?newsletter\b/i,
  /\b(we use|this (site|website) uses|uses) cookies\b/i,
  /^(leave|post|add) a (comment|reply)\b/i,
];

/** Longest text (in characters) a clutter heading or clutter line may have. */
export const CLUTTER_LINE_MAX = 240;
