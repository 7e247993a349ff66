import { Button, List, Modal, Tag, Typography } from 'antd';
import type { SchoolId, TextTemplate } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { useT } from '@/lib/i18n';
import { textKindLabel } from '@/lib/service-labels';
import { useTextTemplates } from '../api/get-text-templates';

type TemplatePickerProps = {
  schoolId: SchoolId;
  open: boolean;
  onPick: (template: TextTemplate) => void;
  onClose: () => void;
};

/** 从区模板创建: the district's templates; the one picked fills a new draft. */
export function TemplatePicker({ schoolId, open, onPick, onClose }: TemplatePickerProps) {
  const t = useT();
  const query = useTextTemplates(schoolId, open);
  return (
    <Modal open={open} title={t('text.from_template')} footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="text-templates-error" />
      <List<TextTemplate>
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('text.no_templates') }}
        data-testid="text-templates"
        renderItem={(template) => (
          <List.Item
            data-testid="text-template"
            actions={[
              <Button key="use" type="link" data-testid="text-template-use" onClick={() => onPick(template)}>
                {t('text.use_template')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  <Tag>{textKindLabel(t, template.kind)}</Tag>
                  {template.title}
                </>
              }
              description={
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {template.body}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
