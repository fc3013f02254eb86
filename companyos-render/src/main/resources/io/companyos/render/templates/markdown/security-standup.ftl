<#import "/lib.ftl" as md>
## Weekly Security Standup - ${pack.calendar.date}

<@md.body/>
