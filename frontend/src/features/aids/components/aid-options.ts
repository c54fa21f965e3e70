import { useTranslation } from 'react-i18next';
import { aidConditionValues, aidStatusValues, aidTypeValues, newnessValues } from '@/api/schema';

/** The choices of the aids' selects, in the user's language. */
export function useAidOptions() {
  const { t } = useTranslation();
  return {
    types: aidTypeValues.map((v) => ({ value: v, label: t(`aids.types.${v}`) })),
    statuses: aidStatusValues.map((v) => ({ value: v, label: t(`aids.statuses.${v}`) })),
    conditions: aidConditionValues.map((v) => ({ value: v, label: t(`aids.conditions.${v}`) })),
    newness: newnessValues.map((v) => ({ value: v, label: t(`aids.newness.${v}`) })),
  };
}
