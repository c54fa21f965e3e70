import { Anchor, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { useServiceTypes } from '@/lib/catalogue';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { useGrantDelegation } from '../api/grant-delegation';
import { useSigners } from '../api/signers';

interface Values {
  user_id: string | null;
  service_codes: string[];
  valid_from: string | null;
  valid_until: string | null;
  reference: string;
}

const FIELDS = ['user_id', 'service_codes', 'valid_from', 'valid_until', 'reference'] as const;

/** A new delegation: who signs, which services, from and until when, on what authority. */
export function GrantDelegationDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const grant = useGrantDelegation();

  function close() {
    grant.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('signing.grant')} size="lg">
      {opened ? <GrantForm grant={grant} onDone={close} /> : null}
    </Modal>
  );
}

function GrantForm({ grant, onDone }: { grant: ReturnType<typeof useGrantDelegation>; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const signers = useSigners();
  const services = useServiceTypes();
  const today = todayInLithuania();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { user_id: null, service_codes: [], valid_from: today, valid_until: null, reference: '' },
    validate: {
      user_id: (v) => (v ? null : t('signing.user_required')),
      service_codes: (v) => (v.length > 0 ? null : t('signing.services_required')),
      valid_from: (v) => (v ? null : t('errors.fields.required')),
      valid_until: (v, values) => (v && values.valid_from && v < values.valid_from ? t('errors.fields.before_valid_from') : null),
      reference: (v) => (v.trim() ? null : t('signing.reference_required')),
    },
  });
  const server = fieldErrorMessages(t, grant.error);
  const serviceOptions = (services.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.spec.name_en : s.spec.name_lt }));
  const signerOptions = (signers.data ?? [])
    .filter((u) => u.id !== me.data?.id)
    .map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` }));

  function submit(values: Values) {
    if (!values.user_id || !values.valid_from) return;
    grant.mutate(
      {
        user_id: values.user_id,
        service_codes: values.service_codes,
        valid_from: values.valid_from,
        valid_until: values.valid_until,
        reference: values.reference.trim(),
      },
      {
        onSuccess: (delegation) => {
          notifications.show({ color: 'green', message: t('signing.granted', { name: delegation.user.display_name }) });
          onDone();
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormErrors error={grant.error} fields={FIELDS} />
        <Select
          label={t('signing.user')}
          description={t('signing.user_hint')}
          required
          searchable
          nothingFoundMessage={t('signing.no_signers')}
          data={signerOptions}
          {...form.getInputProps('user_id')}
          error={form.errors.user_id ?? server.user_id}
        />
        <Stack gap={4}>
          <MultiSelect
            label={t('signing.services')}
            description={t('signing.services_hint')}
            required
            searchable
            data={serviceOptions}
            {...form.getInputProps('service_codes')}
            error={form.errors.service_codes ?? server.service_codes}
          />
          <Group justify="flex-end">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => form.setFieldValue('service_codes', serviceOptions.map((o) => o.value))}
            >
              {t('signing.all_services')}
            </Anchor>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput
            label={t('signing.valid_from')}
            required
            valueFormat="YYYY-MM-DD"
            minDate={today}
            {...form.getInputProps('valid_from')}
            error={form.errors.valid_from ?? server.valid_from}
          />
          <DateInput
            label={t('signing.valid_until')}
            description={t('signing.valid_until_hint')}
            valueFormat="YYYY-MM-DD"
            clearable
            minDate={form.values.valid_from ?? today}
            {...form.getInputProps('valid_until')}
            error={form.errors.valid_until ?? server.valid_until}
          />
        </SimpleGrid>
        <TextInput
          label={t('signing.reference')}
          description={t('signing.reference_hint')}
          required
          maxLength={300}
          {...form.getInputProps('reference')}
          error={form.errors.reference ?? server.reference}
        />
        <FormActions onCancel={onDone} submitting={grant.isPending} submitLabel={t('signing.grant_submit')} />
      </Stack>
    </form>
  );
}
