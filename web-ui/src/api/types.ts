/**
 * Names for the API's shapes, taken from `paths` (generated in schema.d.ts from ../openapi.yaml)
 * rather than from component names, which
 * the generator may change. After `npm run gen:api`, this is the one file that may need a touch.
 */
import type { paths } from './schema';

type Ok<P extends keyof paths, M extends 'get' | 'post', S extends number = 200> = paths[P] extends {
  [K in M]: { responses: { [C in S]: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** The JSON body a write sends. */
type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type TokenPair = Ok<'/api/v1/auth/login', 'post'>;
export type Instance = Ok<'/api/v1/instance', 'get'>;
export type Me = Ok<'/api/v1/me', 'get'>;
export type Grant = Me['grants'][number];
export type Role = Grant['roles'][number];
/** What a grant's roles may do in its school, as the server names it (`view_students`, …). */
export type Ability = Grant['permissions'][number];

export type Student = Ok<'/api/v1/schools/{school_id}/students/{id}', 'get'>;
export type StudentPage = Ok<'/api/v1/schools/{school_id}/students', 'get'>;
export type StudentFilters = NonNullable<paths['/api/v1/schools/{school_id}/students']['get']['parameters']['query']>;
export type Guardian = Ok<'/api/v1/schools/{school_id}/students/{id}/guardians', 'get'>['items'][number];
export type PickupPerson = Ok<'/api/v1/schools/{school_id}/students/{id}/pickup-persons', 'get'>['items'][number];

export type Homeroom = Ok<'/api/v1/schools/{school_id}/homerooms', 'get'>['items'][number];
export type Staff = Ok<'/api/v1/schools/{school_id}/staff', 'get'>['items'][number];
export type Room = Ok<'/api/v1/schools/{school_id}/rooms', 'get'>['items'][number];
export type Term = Ok<'/api/v1/schools/{school_id}/terms', 'get'>['items'][number];

export type AuditEvent = Ok<'/api/v1/schools/{school_id}/audit-events', 'get'>['items'][number];
export type AuditFilters = NonNullable<paths['/api/v1/schools/{school_id}/audit-events']['get']['parameters']['query']>;

export type NewStudent = Body<'/api/v1/schools/{school_id}/students', 'post'>;
export type StudentPatch = Body<'/api/v1/schools/{school_id}/students/{id}', 'patch'>;
export type StudentFlag = Student['flags'][number];
export type Gender = Student['gender'];
export type GuardianLink = Body<'/api/v1/schools/{school_id}/students/{id}/guardians', 'post'>;
export type PickupPersonInput = Body<'/api/v1/schools/{school_id}/students/{id}/pickup-persons', 'post'>;
export type NewHomeroom = Body<'/api/v1/schools/{school_id}/homerooms', 'post'>;
export type RoomInput = Body<'/api/v1/schools/{school_id}/rooms', 'post'>;
export type RoomKind = Room['kind'];
export type TermInput = Body<'/api/v1/schools/{school_id}/terms', 'post'>;
export type NewStaff = Body<'/api/v1/schools/{school_id}/staff', 'post'>;

export type ImportJob = Ok<'/api/v1/schools/{school_id}/imports', 'post', 202>;
export type ImportStatus = ImportJob['status'];
export type ImportRowError = ImportJob['errors'][number];
export type ImportSummary = NonNullable<ImportJob['summary']>;
/** A file column the dry run recognised, and the Kehou field it fills. */
export type ColumnMapping = ImportJob['mapping'][number];
/** A value the dry run tidied (full-width digits, phone spacing, …). */
export type Normalisation = ImportJob['normalised'][number];
export type NormalisationKind = Normalisation['kind'];

export type Child = Ok<'/api/v1/me/children', 'get'>['items'][number];
export type ActivationRequest = Body<'/api/v1/auth/activate', 'post'>;
export type ActivationCode = Ok<'/api/v1/schools/{school_id}/guardians/{id}/activation-code', 'post', 201>;

export type ServicePlan = Ok<'/api/v1/schools/{school_id}/service-plans/{id}', 'get'>;
export type Offering = ServicePlan['offerings'][number];
export type NewServicePlan = Body<'/api/v1/schools/{school_id}/service-plans', 'post'>;
export type NewOffering = NewServicePlan['offerings'][number];
export type OfferingKind = Offering['kind'];
export type PlanStatus = ServicePlan['status'];
export type SegmentKind = NonNullable<NewOffering['segments']>[number]['kind'];
export type PlanReview = Body<'/api/v1/schools/{school_id}/service-plans/{id}/approve', 'post'>;

export type PlanText = Ok<'/api/v1/schools/{school_id}/texts/{id}/publish', 'post'>;
export type NewPlanText = Body<'/api/v1/schools/{school_id}/texts', 'post'>;
export type TextTemplate = Ok<'/api/v1/schools/{school_id}/text-templates', 'get'>['items'][number];
export type NoticeReceiptInput = Body<'/api/v1/schools/{school_id}/notice-receipts', 'post'>;
export type InformedReport = Ok<'/api/v1/schools/{school_id}/terms/{term_id}/informed-report', 'get'>;
export type HomeroomInformed = InformedReport['homerooms'][number];

export type Application = Ok<'/api/v1/schools/{school_id}/applications/{id}', 'get'>;
export type ApplicationFilters = NonNullable<
  paths['/api/v1/schools/{school_id}/applications']['get']['parameters']['query']
>;
export type ApplicationStatus = Application['status'];
export type AppliedOffering = Application['offerings'][number];
export type ApplicationEvent = Application['history'][number];
export type Acceptance = Application['acceptance'];
export type NewApplication = Body<'/api/v1/schools/{school_id}/applications', 'post'>;
export type ApplicationEdit = Body<'/api/v1/schools/{school_id}/applications/{id}', 'patch'>;
export type LeaveMode = NewApplication['leave_mode'];
export type OfferingChoice = NewApplication['offerings'][number];
export type ExemptionClaim = NonNullable<NewApplication['exemption']>;
export type Review = Body<'/api/v1/schools/{school_id}/applications/{id}/class-review', 'post'>;
export type Decision = Review['decision'];
export type RejectReason = NonNullable<Review['reason']>;
export type Withdrawal = Body<'/api/v1/schools/{school_id}/applications/{id}/withdraw', 'post'>;
export type BulkReview = Body<'/api/v1/schools/{school_id}/applications/bulk-review', 'post'>;
export type BulkResult = Ok<'/api/v1/schools/{school_id}/applications/bulk-review', 'post'>[number];
export type ApplicationStats = Ok<'/api/v1/schools/{school_id}/terms/{term_id}/application-stats', 'get'>;
export type Counts = ApplicationStats['school'];
export type ClubFigures = ApplicationStats['by_club'][number];
export type Club = Ok<'/api/v1/schools/{school_id}/clubs', 'get'>['items'][number];
export type NewClub = Body<'/api/v1/schools/{school_id}/clubs', 'post'>;
export type Vetting = Body<'/api/v1/schools/{school_id}/clubs/{id}/vetting', 'post'>;
export type VettingCheck = Vetting['checks'][number];
export type VettingDecision = Vetting['decision'];
export type ClubChoice = Application['club_choices'][number];
export type ServiceRequest = Ok<'/api/v1/schools/{school_id}/service-requests', 'get'>['items'][number];
export type NewServiceRequest = Body<'/api/v1/schools/{school_id}/service-requests', 'post'>;
export type RequestReview = Body<'/api/v1/schools/{school_id}/service-requests/{id}/review', 'post'>;
export type AcceptanceEvidence = Ok<'/api/v1/schools/{school_id}/students/{id}/acceptance-evidence', 'get'>;

/** A school of the district with its key figures (students, staff, plan status, admins). */
export type DistrictSchool = Ok<'/api/v1/districts/{district_id}/schools', 'get'>['items'][number];
export type School = Ok<'/api/v1/districts/{district_id}/schools', 'post', 201>;
export type SchoolKind = School['kind'];
export type NewSchool = Body<'/api/v1/districts/{district_id}/schools', 'post'>;
export type SchoolPatch = Body<'/api/v1/districts/{district_id}/schools/{id}', 'patch'>;
export type DistrictStaff = Ok<'/api/v1/districts/{district_id}/staff', 'get'>['items'][number];
export type DistrictRole = DistrictStaff['role'];
export type NewDistrictStaff = Body<'/api/v1/districts/{district_id}/staff', 'post'>;
export type DistrictStaffPatch = Body<'/api/v1/districts/{district_id}/staff/{id}', 'patch'>;
/** A one-time invitation to set a login's password (answered only when issued). */
export type Invitation = Ok<'/api/v1/schools/{school_id}/staff/{id}/invitation', 'post', 201>;
/** 未开通 / 已邀请 / 已启用 / 已停用. */
export type LoginStatus = Staff['login'];
export type InvitationDetails = Ok<'/api/v1/auth/invitations/lookup', 'post'>;
export type InvitationAcceptance = Body<'/api/v1/auth/invitations/accept', 'post'>;
export type ApiClient = Ok<'/api/v1/districts/{district_id}/api-clients', 'get'>['items'][number];
export type NewApiClient = Body<'/api/v1/districts/{district_id}/api-clients', 'post'>;
export type ClientEdit = Body<'/api/v1/districts/{district_id}/api-clients/{id}', 'patch'>;
/** A client with its secret, as created or rotated: the one time the secret is shown. */
export type ApiClientWithSecret = Ok<'/api/v1/districts/{district_id}/api-clients/{id}/rotate-secret', 'post'>;
export type SecretRotation = Body<'/api/v1/districts/{district_id}/api-clients/{id}/rotate-secret', 'post'>;
export type WebhookEndpoint = Ok<'/api/v1/districts/{district_id}/webhooks/{id}', 'get'>;
export type NewWebhookEndpoint = Body<'/api/v1/districts/{district_id}/webhooks', 'post'>;
export type WebhookEndpointEdit = Body<'/api/v1/districts/{district_id}/webhooks/{id}', 'patch'>;
/** An endpoint with its signing secret, as created or rotated: the one time the secret is shown. */
export type WebhookWithSecret = Ok<'/api/v1/districts/{district_id}/webhooks/{id}/rotate-secret', 'post'>;
export type WebhookDelivery = Ok<'/api/v1/districts/{district_id}/webhooks/{id}/deliveries', 'get'>['items'][number];
export type DeliveryStatus = WebhookDelivery['status'];
export type EventType = WebhookEndpoint['event_types'][number];

/** Ids as the API types them (numbers today); features pass them through without parsing. */
export type SchoolId = Grant['school_id'];
export type StudentId = Student['id'];
export type ImportJobId = ImportJob['id'];
export type HomeroomId = Homeroom['id'];
export type StaffId = Staff['id'];
export type RoomId = Room['id'];
export type TermId = Term['id'];
export type PickupPersonId = PickupPerson['id'];
export type ServicePlanId = ServicePlan['id'];
export type OfferingId = Offering['id'];
export type PlanTextId = PlanText['id'];
export type ApplicationId = Application['id'];
export type ClubId = Club['id'];
export type ServiceRequestId = ServiceRequest['id'];
export type DistrictId = NonNullable<Me['district_id']>;
export type ApiClientId = ApiClient['id'];
export type WebhookEndpointId = WebhookEndpoint['id'];
export type DistrictStaffId = DistrictStaff['id'];
export type WebhookDeliveryId = WebhookDelivery['id'];
