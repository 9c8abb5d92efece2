package org.duban.reminder.channel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new channel. */
@Schema(name = "ChannelRequest", description = "A unit's channel: a group robot, a phone for SMS, or e-mail addresses")
public record ChannelRequest(
        @Schema(description = "The unit it serves; a unit user's own by default (and only), required for admin",
                example = "gov-340100") String unitCode,
        @Schema(description = "WECOM, DINGTALK, FEISHU, SMS or EMAIL", required = true, example = "DINGTALK",
                enumeration = {"WECOM", "DINGTALK", "FEISHU", "SMS", "EMAIL"}) String type,
        @Schema(description = "The robot's webhook URL (WeCom https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, "
                + "DingTalk https://oapi.dingtalk.com/robot/send?access_token=…, Feishu "
                + "https://open.feishu.cn/open-apis/bot/v2/hook/…), a mainland mobile number for SMS, or one to ten "
                + "e-mail addresses separated by commas for EMAIL", required = true,
                example = "https://oapi.dingtalk.com/robot/send?access_token=6f1c0e2d9b7a") String target,
        @Schema(description = "The robot's signing secret (DingTalk 加签 SEC…, Feishu 签名校验); write-only, shown masked",
                example = "SEC2b1f0c7d8e9a") String secret,
        @Schema(description = "Notification kinds it carries; empty or left out: all", example = "[\"OVERDUE\", \"ESCALATION\"]")
        List<String> kinds,
        @Schema(description = "Quiet hours HH:mm-HH:mm (Asia/Shanghai); what falls in them, or on a day off, goes out "
                + "at their end on the next working day", example = "22:00-08:00") String quietHours) {
}
