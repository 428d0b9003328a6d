// Served instead of the webjar's own config.js (our classes come first on the classpath).
// Japanese for browsers whose first language is Japanese, English for everyone else and for any
// label a locale file lacks (angular-translate's fallback language).
export default {
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  }
};
