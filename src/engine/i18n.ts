/** The two languages of every user-visible string; Chinese is the default. */
export type Lang = 'zh' | 'en';

export interface Message {
  zh: string;
  en: string;
}
