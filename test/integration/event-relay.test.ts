import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

type Relayed = { version: number; tenantId: string; caseId: string; type: string; eventId: string };

describe('given a subscriber to the case-events topic', () => {
  const item = aPublishedItem({ tenantId: '522732' });
  const running = aPlatformForThisFile([item]);

  it('when a case is filed and accepted, then each timeline event is relayed once, in order, with its tenant', async () => {
    const { platform } = running;
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const sqs = new SQSClient({ endpoint: platform.environment.AWS_ENDPOINT_URL_SQS, region: 'us-east-1', credentials });
    const sns = new SNSClient({ endpoint: platform.environment.AWS_ENDPOINT_URL_SNS, region: 'us-east-1', credentials });
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: 'test-case-events' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
    await sns.send(
      new SubscribeCommand({
        TopicArn: platform.environment.CASE_EVENTS_TOPIC_ARN,
        Protocol: 'sqs',
        Endpoint: queueArn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );

    const application = { itemCode: item.code, applicant: anApplicant(), formData: { businessName: '事件' } };
    const { body } = await (await applicantApi(running, application.applicant)).post<{ caseId: string }>('/v1/tenants/522732/cases', application);
    await (await staffApi(running, '522732', 'CK-01')).post(`/v1/tenants/522732/cases/${body.caseId}/acceptance`, { decision: 'accept' });

    const received: Relayed[] = [];
    await eventually(async () => {
      const page = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      received.push(...(page.Messages ?? []).map((message) => JSON.parse(message.Body as string) as Relayed));
      const types = received.filter((event) => event.caseId === body.caseId).map((event) => event.type);
      return types.includes('ApprovalStarted') ? true : undefined;
    });
    const forCase = received.filter((event) => event.caseId === body.caseId);
    // the notifier appends its NotificationSent records concurrently, so they may fall anywhere among the case's own steps
    const steps = forCase.filter((event) => event.type !== 'NotificationSent');
    expect(steps.slice(0, 3).map((event) => event.type)).toEqual(['CaseSubmitted', 'CaseAccepted', 'ApprovalStarted']);
    expect(forCase.every((event) => event.tenantId === '522732' && event.version === 1)).toBe(true);
    expect(new Set(forCase.map((event) => event.eventId)).size).toBe(forCase.length);
    expect(JSON.stringify(forCase)).not.toContain(anApplicant().idNumber);
  });
});
