package org.duban.reminder.channel;

/** Where a unit's channel delivers: three group robots, SMS, or extra e-mail addresses. */
public enum ChannelType {
    /** 企业微信 (and 政务微信) group robot: markdown. */
    WECOM,
    /** 钉钉 (and 浙政钉) custom robot: markdown, signed when a secret is set. */
    DINGTALK,
    /** 飞书 custom bot: an interactive card, signed when a secret is set. */
    FEISHU,
    /** A mobile phone, through the SMS provider's approved template. */
    SMS,
    /** One or more e-mail addresses besides the unit's contact address. */
    EMAIL;

    public boolean robot() {
        return this == WECOM || this == DINGTALK || this == FEISHU;
    }
}
