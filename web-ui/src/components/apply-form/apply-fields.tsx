import { Flex, Typography } from 'antd';
import type { Child, Club, Offering, PlanText } from '@/api/types';
import { useT } from '@/lib/i18n';
import { AgreementAcceptance } from './agreement-acceptance';
import { ApplySection } from './apply-section';
import { ClubChoicesField } from './club-choices-field';
import { ExemptionClaim } from './exemption-claim';
import { LeaveSection } from './leave-section';
import { OfferingChoice } from './offering-choice';

type ApplyFieldsProps = {
  child: Pick<Child, 'grade' | 'school_id' | 'student_id'>;
  /** The plan's offerings for the child's grade. */
  offerings: readonly Offering[];
  /** The clubs the child may rank (empty: the step is not shown). */
  clubs: readonly Club[];
  /** The exemption categories the plan allows (empty: the step is not shown). */
  categories: readonly string[];
  /** The agreement to accept; none when the acceptance on record stands (an edit). */
  agreement?: PlanText;
  /** Submitted with no offering ticked. */
  noOffering: boolean;
  /** Staff fill the form in on the family's behalf (the agreement was signed on paper). */
  staff?: boolean;
};

/** The steps of the apply form, shared by the new application and its edit (within a Form of ApplyValues). */
export function ApplyFields({ child, offerings, clubs, categories, agreement, noOffering, staff }: ApplyFieldsProps) {
  const t = useT();
  return (
    <>
      <ApplySection title={t('portal.step_offerings')}>
        <Flex vertical gap={8}>
          {offerings.map((o) => (
            <OfferingChoice key={o.id} offering={o} grade={child.grade} />
          ))}
        </Flex>
        {noOffering ? (
          <Typography.Text type="danger" role="alert" data-testid="portal-offerings-required">
            {t('portal.offerings_required')}
          </Typography.Text>
        ) : null}
      </ApplySection>

      {clubs.length > 0 ? (
        <ApplySection title={t('portal.step_clubs')} testId="portal-clubs">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '0 0 8px' }}>
            {t('portal.clubs_hint')}
          </Typography.Paragraph>
          <ClubChoicesField clubs={clubs} />
        </ApplySection>
      ) : null}

      <LeaveSection schoolId={child.school_id} studentId={child.student_id} />

      {categories.length > 0 ? <ExemptionClaim categories={categories} /> : null}

      {agreement ? <AgreementAcceptance agreement={agreement} staff={staff} /> : null}
    </>
  );
}
