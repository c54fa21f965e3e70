// Day.js speaks the interface's language (month names in English dates,
// the date pickers' calendars). Loaded with the pages that show dates, not
// with the login page.

import dayjs from 'dayjs';
import 'dayjs/locale/lt';
import i18n from '@/i18n';

function apply(language: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'lt');
}
apply(i18n.language);
i18n.on('languageChanged', apply);
