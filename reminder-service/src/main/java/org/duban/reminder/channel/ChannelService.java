package org.duban.reminder.channel;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.outbound.OutboundPolicy;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.webhook.DeliveryStatus;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Managing channels and reading their deliveries: the use cases behind {@link ChannelResource}. A unit
 * user manages its own unit's channels, the admin every unit's; anyone else is refused.
 */
@ApplicationScoped
public class ChannelService {

    private static final Logger LOG = Logger.getLogger(ChannelService.class);
    static final int MAX_PER_UNIT = 20;
    static final int MAX_EMAILS = 10;
    private static final Pattern UNIT_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}");
    private static final Set<String> KINDS = Arrays.stream(ReminderKind.values()).map(Enum::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final Clock clock;
    private final ChannelsConfig config;
    private final CurrentUser user;
    private final SmsChannel sms;
    private final ChannelMessages messages;
    private final ChannelDeliveryQueue queue;
    private final ChannelDeliveryWorker worker;
    private final OutboundPolicy outbound;
    private final ChannelSecretsAtRest secrets;

    ChannelService(Clock clock, ChannelsConfig config, CurrentUser user, SmsChannel sms, ChannelMessages messages,
                   ChannelDeliveryQueue queue, ChannelDeliveryWorker worker, OutboundPolicy outbound,
                   ChannelSecretsAtRest secrets) {
        this.clock = clock;
        this.secrets = secrets;
        this.outbound = outbound;
        this.config = config;
        this.user = user;
        this.sms = sms;
        this.messages = messages;
        this.queue = queue;
        this.worker = worker;
    }

    @Transactional
    public ChannelView create(ChannelRequest request) {
        String unitCode = request.unitCode();
        if (!user.is(Roles.ADMIN)) {
            String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("Your account is not linked to a unit"));
            if (unitCode == null || unitCode.isBlank()) {
                unitCode = own;
            }
            user.requireOwnUnit(unitCode);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (unitCode == null || unitCode.isBlank()) {
            errors.add(new Problem.FieldError("unitCode", "is required: the unit whose channel it is, e.g. gov-340100"));
        } else if (!UNIT_CODE.matcher(unitCode).matches()) {
            errors.add(new Problem.FieldError("unitCode",
                    "must be a unit code: 2-40 lower-case letters, digits or '-', starting with a letter, e.g. gov-340100"));
        }
        ChannelType type = null;
        if (request.type() == null) {
            errors.add(new Problem.FieldError("type", "is required: one of WECOM, DINGTALK, FEISHU, SMS, EMAIL"));
        } else {
            try {
                type = ChannelType.valueOf(request.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("type", "must be one of WECOM, DINGTALK, FEISHU, SMS, EMAIL"));
            }
        }
        String target = type == null ? null : validTarget(type, request.target(), errors);
        String secret = request.secret() == null || request.secret().isBlank() ? null : request.secret().strip();
        if (type != null && secret != null) {
            if (type != ChannelType.DINGTALK && type != ChannelType.FEISHU) {
                errors.add(new Problem.FieldError("secret", "only DingTalk and Feishu robots are signed with a secret; "
                        + "leave it out for " + type));
            } else if (secret.length() > 200) {
                errors.add(new Problem.FieldError("secret", "must be at most 200 characters"));
            }
        }
        List<String> kinds = validKinds(request.kinds(), errors);
        String quietHours = null;
        if (request.quietHours() != null && !request.quietHours().isBlank()) {
            try {
                quietHours = QuietHours.parse(request.quietHours()).toString();
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("quietHours", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (Channel.count("unitCode", unitCode) >= MAX_PER_UNIT) {
            throw ProblemException.conflict("too-many-channels", "Unit " + unitCode + " already has " + MAX_PER_UNIT
                    + " channels; delete one first");
        }
        Channel channel = new Channel();
        channel.unitCode = unitCode;
        channel.type = type;
        channel.target = secrets.sealTarget(type, target);
        channel.secret = secrets.sealSecret(secret);
        channel.kinds = new ArrayList<>(kinds);
        channel.quietHours = quietHours;
        channel.createdAt = clock.instant();
        channel.createdBy = user.username();
        channel.persist();
        LOG.infof("Channel %d (%s) created by %s for %s, kinds %s, quiet hours %s", channel.id, type, user.username(),
                unitCode, kinds.isEmpty() ? "all" : kinds, quietHours == null ? "none" : quietHours);
        return view(channel);
    }

    @Transactional
    public PageResponse<ChannelView> list(String unit, ChannelType type, PageRequest page) {
        if (!user.is(Roles.ADMIN)) {
            String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("Your account is not linked to a unit"));
            if (unit == null || unit.isBlank()) {
                unit = own;
            }
            user.requireOwnUnit(unit);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (unit != null && !unit.isBlank()) {
            where.append(" and unitCode = :unit");
            params.put("unit", unit);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        var query = Channel.<Channel>find(where.toString(), Sort.by("unitCode").and("id"), params);
        List<ChannelView> items = query.page(page.page, page.size).list().stream().map(this::view).toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    @Transactional
    public ChannelView get(long id) {
        return view(find(id));
    }

    @Transactional
    public void delete(long id) {
        Channel channel = find(id);
        channel.delete();
        LOG.infof("Channel %d (%s of %s) deleted by %s", id, channel.type, channel.unitCode, user.username());
    }

    /** Enables a channel (again): its failure count starts from zero; messages from now on go to it. */
    @Transactional
    public ChannelView enable(long id) {
        Channel channel = find(id);
        if (!channel.enabled) {
            channel.enabled = true;
            channel.disabledAt = null;
            channel.disabledReason = null;
            channel.consecutiveFailures = 0;
            LOG.infof("Channel %d (%s of %s) re-enabled by %s", id, channel.type, channel.unitCode, user.username());
        }
        return view(channel);
    }

    /**
     * Sends a sample message now, whatever the quiet hours, and answers with its delivery (and its log). It
     * neither counts towards disabling nor re-enables. No transaction is open while the platform is called.
     */
    public ChannelDeliveryView test(long id) {
        Channel channel = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> find(id));
        ChannelMessages.Message sample = messages.sample(unitName(channel.unitCode));
        String body = switch (channel.type) {
            case SMS -> write(sms.params(unitName(channel.unitCode), List.of(Map.entry("测试", 1))));
            case EMAIL -> sample.markdown().replace("### ", "");
            default -> sample.markdown();
        };
        ChannelDeliveryQueue.Claimed claimed = queue.queueTest(channel.id, sample, body);
        SendResult result = worker.send(claimed.message());
        ChannelDelivery done = queue.completeTest(claimed, result);
        if (done == null) {
            throw ProblemException.notFound("There is no channel " + id);
        }
        return deliveryView(done);
    }

    @Transactional
    public PageResponse<ChannelDeliveryView> deliveries(long id, DeliveryStatus status, PageRequest page) {
        find(id);
        var query = status == null
                ? ChannelDelivery.<ChannelDelivery>find("channelId = ?1", Sort.descending("createdAt", "id"), id)
                : ChannelDelivery.<ChannelDelivery>find("channelId = ?1 and status = ?2", Sort.descending("createdAt", "id"),
                        id, status);
        List<ChannelDelivery> deliveries = query.page(page.page, page.size).list();
        Map<Long, List<ChannelDeliveryView.AttemptView>> attempts = deliveries.isEmpty() ? Map.of()
                : ChannelAttempt.<ChannelAttempt>list("deliveryId in ?1 order by deliveryId, number",
                                deliveries.stream().map(d -> d.id).toList()).stream()
                        .collect(Collectors.groupingBy(a -> a.deliveryId,
                                Collectors.mapping(ChannelDeliveryView.AttemptView::of, Collectors.toList())));
        List<ChannelDeliveryView> items = deliveries.stream()
                .map(d -> ChannelDeliveryView.of(d, attempts.getOrDefault(d.id, List.of())))
                .toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    @Transactional
    ChannelDeliveryView deliveryView(ChannelDelivery delivery) {
        List<ChannelDeliveryView.AttemptView> attempts = ChannelAttempt.<ChannelAttempt>list(
                "deliveryId = ?1 order by number", delivery.id).stream().map(ChannelDeliveryView.AttemptView::of).toList();
        return ChannelDeliveryView.of(delivery, attempts);
    }

    private ChannelView view(Channel channel) {
        return ChannelView.of(channel, secrets.open(channel));
    }

    /** The channel, if the caller may manage it: 404 when there is none, 403 when it is another unit's. */
    private Channel find(long id) {
        Channel channel = Channel.findById(id);
        if (channel == null) {
            throw ProblemException.notFound("There is no channel " + id);
        }
        if (!user.is(Roles.ADMIN)) {
            user.requireOwnUnit(channel.unitCode);
        }
        return channel;
    }

    private String unitName(String unitCode) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> names = Channel.getEntityManager()
                    .createNativeQuery("SELECT name FROM unit_contact WHERE code = ?1").setParameter(1, unitCode)
                    .getResultList();
            return names.isEmpty() ? unitCode : names.get(0);
        });
    }

    private String validTarget(ChannelType type, String raw, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Problem.FieldError("target", "is required: " + expected(type)));
            return null;
        }
        String target = raw.strip();
        String why = switch (type) {
            case WECOM -> robotUrl(target, config.wecom(), "/cgi-bin/webhook/send", "key");
            case DINGTALK -> robotUrl(target, config.dingtalk(), "/robot/send", "access_token");
            case FEISHU -> robotUrl(target, config.feishu(), "/open-apis/bot/v2/hook/", null);
            case SMS -> PHONE.matcher(target.replace(" ", "").replace("-", "")).matches() ? null
                    : "must be a mainland China mobile number, e.g. 13905511234";
            case EMAIL -> emails(target);
        };
        if (why == null && (type == ChannelType.WECOM || type == ChannelType.DINGTALK || type == ChannelType.FEISHU)) {
            // a platform's host that resolves to a private address (a poisoned resolver) is refused like any URL
            why = outbound.registrationProblem(target);
        }
        if (why == null && type == ChannelType.SMS && !sms.configured()) {
            why = "SMS is not configured on this server (duban.channels.sms.*): ask the operators, or choose another type";
        }
        if (why != null) {
            errors.add(new Problem.FieldError("target", why));
            return null;
        }
        if (type == ChannelType.SMS) {
            var m = PHONE.matcher(target.replace(" ", "").replace("-", ""));
            m.matches();
            return m.group(1);
        }
        if (type == ChannelType.EMAIL) {
            return Arrays.stream(target.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(","));
        }
        return target;
    }

    private static String expected(ChannelType type) {
        return switch (type) {
            case WECOM -> "the group robot's webhook URL, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…";
            case DINGTALK -> "the custom robot's webhook URL, https://oapi.dingtalk.com/robot/send?access_token=…";
            case FEISHU -> "the custom bot's webhook URL, https://open.feishu.cn/open-apis/bot/v2/hook/…";
            case SMS -> "a mainland China mobile number";
            case EMAIL -> "one to " + MAX_EMAILS + " e-mail addresses, separated by commas";
        };
    }

    /** Null when {@code url} is a robot URL of the platform; otherwise why not. */
    static String robotUrl(String url, ChannelsConfig.Platform platform, String path, String tokenParam) {
        if (url.length() > 2000) {
            return "must be at most 2000 characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && platform.allowHttp())) {
            return "must use https";
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!platform.hosts().contains(host)) {
            return "must be a robot URL of " + String.join(" or ", platform.hosts()) + " (got host " + host + ")";
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            return "must not carry user information or a #fragment";
        }
        String actualPath = uri.getPath() == null ? "" : uri.getPath();
        if (tokenParam == null) {
            if (!actualPath.startsWith(path) || actualPath.length() == path.length() || actualPath.substring(path.length()).contains("/")) {
                return "must be " + path + "<token>, as the robot's settings show it";
            }
            return null;
        }
        if (!actualPath.equals(path)) {
            return "must have the path " + path + ", as the robot's settings show it";
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean hasToken = Arrays.stream(query.split("&"))
                .anyMatch(p -> p.startsWith(tokenParam + "=") && p.length() > tokenParam.length() + 1);
        return hasToken ? null : "must carry ?" + tokenParam + "=…, as the robot's settings show it";
    }

    private static String emails(String target) {
        List<String> addresses = Arrays.stream(target.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (addresses.isEmpty() || addresses.size() > MAX_EMAILS) {
            return "must be one to " + MAX_EMAILS + " e-mail addresses, separated by commas";
        }
        for (String address : addresses) {
            if (!EMAIL.matcher(address).matches()) {
                return "is not an e-mail address: " + (address.length() > 60 ? address.substring(0, 59) + "…" : address);
            }
        }
        return null;
    }

    private static List<String> validKinds(List<String> kinds, List<Problem.FieldError> errors) {
        if (kinds == null) {
            return List.of();
        }
        if (kinds.size() > KINDS.size()) {
            errors.add(new Problem.FieldError("kinds", "must have at most " + KINDS.size() + " entries"));
            return List.of();
        }
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            if (kind == null || !KINDS.contains(kind)) {
                errors.add(new Problem.FieldError("kinds[" + i + "]", "must be a notification kind: " + String.join(", ", KINDS)));
            } else if (!valid.add(kind)) {
                errors.add(new Problem.FieldError("kinds[" + i + "]", kind + " is listed twice"));
            }
        }
        return List.copyOf(valid);
    }

    private static String write(Map<String, String> params) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(params);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
