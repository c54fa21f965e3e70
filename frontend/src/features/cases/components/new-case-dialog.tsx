import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { caseOriginValues, type components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { FormModal } from '@/components/form-modal';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { useOpenCase } from '../api/open-case';

type FamilyView = components['schemas']['FamilyView'];
type CaseOrigin = components['schemas']['CaseOrigin'];

/** Picks or creates the family (the persons feature's, composed by the page). */
export type FamilyChooser = (props: { onChosen: (family: FamilyView) => void }) => ReactNode;

const FIELDS = ['family_id', 'children', 'origin', 'notice_date', 'notice_reference', 'referred_by', 'reason'] as const;

/** "Naujas atvejis": the family, its children concerned, and the notice or request that opens the case (R-CM-1). */
export function NewCaseDialog({ opened, onClose, familyChooser }: { opened: boolean; onClose: () => void; familyChooser: FamilyChooser }) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const open = useOpenCase();
  const close = () => {
    open.reset();
    setDirty(false);
    onClose();
  };
  return (
    <FormModal opened={opened} onClose={close} title={t('cases.new')} size="xl" dirty={dirty}>
      {(requestClose) => (
        <NewCaseForm open={open} familyChooser={familyChooser} onDirtyChange={setDirty} onCancel={requestClose} onDone={close} />
      )}
    </FormModal>
  );
}

interface Values {
  children: string[];
  origin: CaseOrigin | null;
  notice_date: string | null;
  notice_reference: string;
  referred_by: string;
  reason: string;
}

function NewCaseForm({
  open,
  familyChooser,
  onDirtyChange,
  onCancel,
  onDone,
}: {
  open: ReturnType<typeof useOpenCase>;
  familyChooser: FamilyChooser;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [family, setFamily] = useState<FamilyView | null>(null);
  const today = todayInLithuania();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      children: [],
      origin: 'child_rights_notice',
      notice_date: today,
      notice_reference: '',
      referred_by: '',
      reason: '',
    },
    validate: {
      children: (v) => (v.length > 0 ? null : t('cases.children_required')),
      origin: (v) => (v ? null : t('common.required')),
      notice_date: (v) => (v ? null : t('common.required')),
      notice_reference: (v, values) =>
        values.origin === 'child_rights_notice' && !v.trim() ? t('cases.reference_required') : null,
      reason: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const dirty = family !== null || form.isDirty();
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const server = fieldErrorMessages(t, open.error);

  function submit(values: Values) {
    if (!family || !values.origin || !values.notice_date) return;
    open.mutate(
      {
        family_id: family.id,
        children: values.children,
        origin: values.origin,
        notice_date: values.notice_date,
        notice_reference: values.notice_reference.trim() || null,
        referred_by: values.referred_by.trim() || null,
        reason: values.reason.trim(),
      },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'green', message: t('cases.opened', { number: view.number }) });
          onDone();
          void navigate(`/cases/${view.id}`);
        },
      },
    );
  }

  if (!family) {
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          {t('cases.family_first')}
        </Text>
        {familyChooser({ onChosen: setFamily })}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <FormErrors error={open.error} fields={FIELDS} />
        <Card withBorder padding="sm">
          <Group justify="space-between">
            <div>
              <Text size="xs" c="dimmed">
                {t('cases.family')}
              </Text>
              <Text fw={600} data-testid="chosen-family">
                {family.name}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={() => setFamily(null)}>
              {t('cases.change_family')}
            </Button>
          </Group>
        </Card>
        <Checkbox.Group
          label={t('cases.children_concerned')}
          required
          {...form.getInputProps('children')}
          error={form.errors.children ?? server.children ?? server.family_id}
        >
          <Stack gap={6} mt={4}>
            {family.members.map((m) => (
              <Checkbox
                key={m.person.id}
                value={m.person.id}
                label={`${m.person.first_name} ${m.person.last_name} (${t(`relation.${m.relation}`)})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('cases.origin_label')}
            required
            data={caseOriginValues.map((o) => ({ value: o, label: t(`cases.origin.${o}`) }))}
            allowDeselect={false}
            {...form.getInputProps('origin')}
            error={form.errors.origin ?? server.origin}
          />
          <DateInput
            label={t('cases.notice_date')}
            required
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            maxDate={today}
            {...form.getInputProps('notice_date')}
            error={form.errors.notice_date ?? server.notice_date}
          />
          <TextInput
            label={t('cases.notice_reference')}
            required={form.values.origin === 'child_rights_notice'}
            maxLength={100}
            {...form.getInputProps('notice_reference')}
            error={form.errors.notice_reference ?? server.notice_reference}
          />
          <TextInput
            label={t('cases.referred_by')}
            maxLength={300}
            {...form.getInputProps('referred_by')}
            error={server.referred_by}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.reason')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('reason')}
          error={form.errors.reason ?? server.reason}
        />
        <FormActions onCancel={onCancel} submitting={open.isPending} submitLabel={t('cases.open_submit')} />
      </Stack>
    </form>
  );
}
