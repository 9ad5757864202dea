/** The session partition of the Meta login window, kept apart from the app's own session. */
export const LOGIN_PARTITION = 'persist:meta-login';
