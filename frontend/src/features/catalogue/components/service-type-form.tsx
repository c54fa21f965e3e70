import {
  ActionIcon,
  Badge,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { deadlineStartValues, deadlineUnitValues, type components } from '@/api/schema';
import type { ServiceType, ServiceTypeSpec, UpdateServiceTypeInput } from '../api/update-service-type';

const GROUPS = ['general_services', 'social_supervision', 'social_care'] as const;

interface DocumentRow {
  code: string;
  name_lt: string;
  name_en: string;
  /** Added in this form: its code follows its Lithuanian name. */
  isNew: boolean;
}

interface Values {
  name_lt: string;
  name_en: string;
  group: string;
  active: boolean;
  free: boolean;
  has_places: boolean;
  amount: number | string;
  unit: components['schemas']['DeadlineUnit'];
  from: components['schemas']['DeadlineStart'];
  documents: DocumentRow[];
}

const FIELDS = ['spec.name_lt', 'spec.name_en', 'spec.decision_deadline.amount', 'spec.required_documents'] as const;

/**
 * A stable code for a new document from its Lithuanian name
 * (`Pažyma apie pajamas` → `pazyma_apie_pajamas`), unique among `taken`.
 */
export function documentCode(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'document';
  let code = base;
  for (let n = 2; taken.includes(code); n += 1) code = `${base}_${n}`;
  return code;
}

interface Props {
  /** The service type as just read. */
  serviceType: ServiceType;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: UpdateServiceTypeInput) => void;
  onCancel: () => void;
  /** Reads the catalogue again after a version conflict. */
  onReload: () => void;
}

/** The administrator's form for one service type of the catalogue. */
export function ServiceTypeForm({ serviceType, submitting, error, onSubmit, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const spec = serviceType.spec;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name_lt: spec.name_lt,
      name_en: spec.name_en,
      group: spec.group,
      active: serviceType.active,
      free: spec.free,
      has_places: spec.has_places,
      amount: spec.decision_deadline.amount,
      unit: spec.decision_deadline.unit,
      from: spec.decision_deadline.from,
      documents: spec.required_documents.map((d) => ({ ...d, isNew: false })),
    },
    validate: {
      name_lt: (v) => (v.trim() ? null : t('common.required')),
      name_en: (v) => (v.trim() ? null : t('common.required')),
      amount: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 365 ? null : t('catalogue.days_range')),
      documents: {
        name_lt: (v) => (v.trim() ? null : t('common.required')),
        name_en: (v) => (v.trim() ? null : t('common.required')),
      },
    },
  });
  const server = fieldErrorMessages(t, error);

  function submit(v: Values) {
    const next: ServiceTypeSpec = {
      ...spec,
      name_lt: v.name_lt.trim(),
      name_en: v.name_en.trim(),
      group: v.group,
      free: v.free,
      has_places: v.has_places,
      // Keeps what meets the deadline (R-DL-2: the submission for signature).
      decision_deadline: { ...spec.decision_deadline, amount: Number(v.amount), unit: v.unit, from: v.from },
      required_documents: v.documents.map((d) => ({ code: d.code, name_lt: d.name_lt.trim(), name_en: d.name_en.trim() })),
    };
    onSubmit({ version: serviceType.version, active: v.active, spec: next });
  }

  function addDocument() {
    form.insertListItem('documents', { code: '', name_lt: '', name_en: '', isNew: true });
  }

  function nameChanged(index: number, name: string) {
    form.setFieldValue(`documents.${index}.name_lt`, name);
    // A new document takes its code from its Lithuanian name; a stored one keeps its code.
    if (form.values.documents[index]?.isNew) {
      const others = form.values.documents.filter((_, i) => i !== index).map((d) => d.code);
      form.setFieldValue(`documents.${index}.code`, documentCode(name, others));
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormErrors error={error} fields={FIELDS} onReload={onReload} />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('catalogue.code')}:
          </Text>
          <Text size="sm" ff="monospace">
            {serviceType.code}
          </Text>
          {spec.eligibility_rule ? (
            <Badge variant="light" color="gray" tt="none">
              {t('catalogue.eligibility_rule', { rule: spec.eligibility_rule })}
            </Badge>
          ) : null}
          {spec.fee_rule ? (
            <Badge variant="light" color="gray" tt="none">
              {t('catalogue.fee_rule', { rule: spec.fee_rule })}
            </Badge>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('catalogue.name_lt')}
            required
            {...form.getInputProps('name_lt')}
            error={form.errors.name_lt ?? server['spec.name_lt']}
          />
          <TextInput
            label={t('catalogue.name_en')}
            required
            {...form.getInputProps('name_en')}
            error={form.errors.name_en ?? server['spec.name_en']}
          />
        </SimpleGrid>
        <Select
          label={t('catalogue.group')}
          data={GROUPS.map((g) => ({ value: g, label: t(`catalogue.groups.${g}`) }))}
          allowDeselect={false}
          {...form.getInputProps('group')}
        />
        <Stack gap="sm">
          <Switch
            label={t('catalogue.active')}
            description={t('catalogue.active_hint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Switch label={t('catalogue.free')} {...form.getInputProps('free', { type: 'checkbox' })} />
          <Switch label={t('catalogue.has_places')} {...form.getInputProps('has_places', { type: 'checkbox' })} />
        </Stack>
        <Fieldset legend={t('catalogue.deadline')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('catalogue.days')}
              min={1}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('amount')}
              error={form.errors.amount ?? server['spec.decision_deadline.amount']}
            />
            <Select
              label={t('catalogue.unit')}
              data={deadlineUnitValues.map((u) => ({ value: u, label: t(`deadline.${u}`) }))}
              allowDeselect={false}
              {...form.getInputProps('unit')}
            />
            <Select
              label={t('catalogue.counted_from')}
              data={deadlineStartValues.map((f) => ({ value: f, label: t(`deadline.${f}`) }))}
              allowDeselect={false}
              {...form.getInputProps('from')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('catalogue.deadline_hint')}
          </Text>
        </Fieldset>
        <Fieldset legend={t('catalogue.documents')}>
          <Stack gap="sm">
            {form.values.documents.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('catalogue.no_documents')}
              </Text>
            ) : null}
            {form.values.documents.map((doc, index) => (
              <Group key={index} align="flex-start" wrap="nowrap" data-testid={`document-${index}`}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                  <Textarea
                    autosize
                    minRows={1}
                    label={t('catalogue.document_lt', { n: index + 1 })}
                    required
                    description={doc.code ? `${t('catalogue.code')}: ${doc.code}` : undefined}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    {...form.getInputProps(`documents.${index}.name_lt`)}
                    onChange={(e) => nameChanged(index, e.currentTarget.value)}
                  />
                  <Textarea
                    autosize
                    minRows={1}
                    label={t('catalogue.document_en', { n: index + 1 })}
                    required
                    {...form.getInputProps(`documents.${index}.name_en`)}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('catalogue.remove_document', { name: doc.name_lt || index + 1 })}
                  onClick={() => form.removeListItem('documents', index)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {server['spec.required_documents'] ? (
              <Text size="sm" c="red">
                {server['spec.required_documents']}
              </Text>
            ) : null}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={addDocument}>
                {t('catalogue.add_document')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('catalogue.documents_hint')}
            </Text>
          </Stack>
        </Fieldset>
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
