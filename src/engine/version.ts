/** Reported in every JSON report; bump with package.json. */
export const VERSION = '0.1.0';
