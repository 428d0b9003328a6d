// Served instead of the webjar's own config.js (our classes come first on the classpath).
// Japanese for browsers whose first language is Japanese, English for everyone else and for any
// label a locale file lacks (angular-translate's fallback language).
export default {
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  },

  // The webjar's default shortcuts, kept as they were.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
